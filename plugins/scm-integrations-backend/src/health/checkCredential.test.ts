import { checkCredential, redact } from './checkCredential';
import { CheckFailure } from './checkers/http';
import type { CredentialCheck } from './checkers/types';

const settings = {
  rateLimitWarning: 10,
  expiryWarningMs: 0,
  timeoutMs: 50,
};

const check = (run: CredentialCheck['run']): CredentialCheck => ({
  id: 'token',
  kind: 'personal-access-token',
  label: 'personal access token …abcd',
  requires: 'scopes',
  isGranted: () => true,
  secrets: ['s3cr3t-token'],
  run,
});

describe('checkCredential', () => {
  it('turns a failure into an error without the secret', async () => {
    const health = await checkCredential(
      check(async () => {
        throw new CheckFailure(
          '403 from GET /user: token s3cr3t-token is blocked',
        );
      }),
      [],
      settings,
    );
    expect(health).toMatchObject({
      status: 'error',
      message: '403 from GET /user: token *** is blocked',
    });
  });

  it('gives up when the check outlasts its timeout', async () => {
    const health = await checkCredential(
      check(
        context =>
          new Promise((_, reject) =>
            context.signal.addEventListener('abort', () =>
              reject(
                new CheckFailure('127.0.0.1:1 did not answer within 0.05 s'),
              ),
            ),
          ),
      ),
      [],
      settings,
    );
    expect(health).toMatchObject({
      status: 'error',
      message: '127.0.0.1:1 did not answer within 0.05 s',
    });
  });

  it('reports a credential that cannot be checked from here as unchecked', async () => {
    const health = await checkCredential(
      {
        ...check(async () => ({})),
        run: undefined,
        notChecked: 'checked elsewhere',
      },
      [],
      settings,
    );
    expect(health).toMatchObject({
      status: 'unchecked',
      message: 'checked elsewhere',
    });
  });
});

describe('redact', () => {
  it('removes secrets and URL passwords', () => {
    expect(
      redact('https://bot:hunter22@git.example.com failed for hunter22', [
        'hunter22',
      ]),
    ).toBe('https://***@git.example.com failed for ***');
  });
});
