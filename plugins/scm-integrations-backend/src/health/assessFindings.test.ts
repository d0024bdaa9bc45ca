import type { IntegrationConsumer } from '@identity-portal/plugin-scm-integrations-common';
import { assessFindings } from './assessFindings';
import {
  githubAppPermissionGranted,
  githubScopeGranted,
  gitlabScopeGranted,
} from './checkers/scopes';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-05T10:00:00Z');
const thresholds = { rateLimitWarning: 10, expiryWarningMs: 14 * DAY_MS };

const consumer = (
  name: string,
  scopes: string[],
  appPermissions?: Record<string, 'read' | 'write'>,
): IntegrationConsumer => ({
  integrationType: 'github',
  host: 'github.com',
  consumer: name,
  description: name,
  scopes,
  appPermissions,
});

const pat = { requires: 'scopes' as const, isGranted: githubScopeGranted };

describe('assessFindings', () => {
  it('is ok when every needed scope is granted, directly or implied', () => {
    const verdict = assessFindings(
      pat,
      {
        login: 'octocat',
        grantedScopes: ['admin:org', 'user'],
        rateLimit: { limit: 5000, remaining: 4000 },
        expiresAt: null,
      },
      [consumer('a', ['read:org', 'user:email'])],
      thresholds,
      NOW,
    );
    expect(verdict).toEqual({
      status: 'ok',
      message: 'works as octocat',
      login: 'octocat',
      scopes: {
        granted: ['admin:org', 'user'],
        required: [
          { scope: 'read:org', neededBy: ['a'] },
          { scope: 'user:email', neededBy: ['a'] },
        ],
        missing: [],
      },
      rateLimit: { limit: 5000, remaining: 4000 },
      expiresAt: null,
    });
  });

  it('names every consumer that needs a missing scope', () => {
    const verdict = assessFindings(
      pat,
      { login: 'octocat', grantedScopes: ['read:user'] },
      [consumer('a', ['read:org']), consumer('b', ['read:org'])],
      thresholds,
      NOW,
    );
    expect(verdict.status).toBe('error');
    expect(verdict.message).toBe('missing scope read:org needed by a, b');
  });

  it('cannot judge scopes the host does not report (fine-grained tokens)', () => {
    const verdict = assessFindings(
      pat,
      { login: 'octocat', grantedScopes: null },
      [consumer('a', ['read:org'])],
      thresholds,
      NOW,
    );
    expect(verdict).toMatchObject({
      status: 'ok',
      scopes: { granted: null, missing: [] },
    });
  });

  it('warns below the rate-limit share and before the expiry; expired is an error', () => {
    const low = assessFindings(
      pat,
      {
        login: 'octocat',
        rateLimit: {
          limit: 5000,
          remaining: 499,
          resetAt: '2026-12-05T11:00:00.000Z',
        },
      },
      [],
      thresholds,
      NOW,
    );
    expect(low).toMatchObject({
      status: 'warning',
      message:
        'works as octocat; rate limit low: 499 of 5000 requests left until 2026-12-05T11:00:00.000Z',
    });
    const soon = assessFindings(
      pat,
      { login: 'octocat', expiresAt: '2026-12-15T12:00:00.000Z' },
      [],
      thresholds,
      NOW,
    );
    expect(soon.message).toBe(
      'works as octocat; expires on 2026-12-15 (in 10 days)',
    );
    const expired = assessFindings(
      pat,
      { login: 'octocat', expiresAt: '2026-12-01T00:00:00.000Z' },
      [],
      thresholds,
      NOW,
    );
    expect(expired).toMatchObject({
      status: 'error',
      message: 'expired on 2026-12-01',
    });
  });

  it('does not warn about the expiry of tokens that are renewed on use', () => {
    const verdict = assessFindings(
      { requires: 'appPermissions', isGranted: githubAppPermissionGranted },
      {
        login: 'app[bot]',
        grantedScopes: ['members:write'],
        expiresAt: new Date(NOW + 3600_000).toISOString(),
        expiryRenews: true,
      },
      [consumer('a', ['read:org'], { members: 'read' })],
      thresholds,
      NOW,
    );
    expect(verdict).toMatchObject({
      status: 'ok',
      scopes: { required: [{ scope: 'members:read', neededBy: ['a'] }] },
    });
  });

  it('calls a missing app permission a permission', () => {
    const verdict = assessFindings(
      { requires: 'appPermissions', isGranted: githubAppPermissionGranted },
      { grantedScopes: ['metadata:read'], errors: [] },
      [consumer('a', [], { members: 'read' })],
      thresholds,
      NOW,
    );
    expect(verdict.message).toBe('missing permission members:read needed by a');
  });
});

describe('scope implications', () => {
  it.each([
    [githubScopeGranted, ['repo'], 'public_repo', true],
    [githubScopeGranted, ['write:org'], 'read:org', true],
    [githubScopeGranted, ['read:org'], 'write:org', false],
    [gitlabScopeGranted, ['api'], 'read_api', true],
    [gitlabScopeGranted, ['read_user'], 'read_api', false],
    [githubAppPermissionGranted, ['members:admin'], 'members:write', true],
    [githubAppPermissionGranted, ['members:read'], 'members:write', false],
  ])('%#: %j covers %s: %s', (granted, scopes, needed, expected) => {
    expect(granted(scopes, needed)).toBe(expected);
  });
});
