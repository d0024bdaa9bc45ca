import { describeActingAs, describeConnectError } from './scmAccountsFormat';

const base = { host: '127.0.0.1:5180', integrationType: 'github' as const };

describe('describeActingAs', () => {
  it('names the service credential and its account', () => {
    expect(
      describeActingAs(
        { ...base, kind: 'service', credential: 'personal-access-token' },
        'zoe-hoffmann',
      ),
    ).toBe("the portal's personal access token (zoe-hoffmann)");
    expect(
      describeActingAs({
        ...base,
        kind: 'service',
        credential: 'github-app',
        appId: 4711,
      }),
    ).toBe("the portal's GitHub App 4711");
    expect(
      describeActingAs({ ...base, kind: 'service', credential: 'none' }),
    ).toBe('nobody: requests are anonymous (public data only)');
  });

  it('says "you" when the portal acts as the user', () => {
    expect(describeActingAs({ ...base, kind: 'user' }, 'alice-andersson')).toBe(
      'you (alice-andersson)',
    );
  });
});

describe('describeConnectError', () => {
  it('explains a closed or blocked window and passes other reasons on', () => {
    const closed = Object.assign(new Error('closed'), {
      name: 'PopupClosedError',
    });
    expect(describeConnectError(closed, 'GitHub')).toBe(
      'Connecting your GitHub account was cancelled: the GitHub window was closed',
    );
    expect(
      describeConnectError(
        new Error('No portal user matches this GitHub account'),
        'GitHub',
      ),
    ).toBe(
      'Connecting your GitHub account failed: No portal user matches this GitHub account',
    );
  });
});
