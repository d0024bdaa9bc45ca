import type { HostHealth } from '@identity-portal/plugin-scm-integrations-common';
import {
  formatExpiry,
  formatRateLimit,
  formatRelative,
  hostStatus,
} from './format';
import { githubHost } from '../__testUtils__/fixtures';

const now = new Date('2026-12-05T08:00:00.000Z');

describe('formatRelative', () => {
  it('words the distance to now in the largest whole unit', () => {
    expect(formatRelative('2026-12-05T08:00:02.000Z', now)).toBe('just now');
    expect(formatRelative('2026-12-05T07:59:00.000Z', now)).toBe(
      '1 minute ago',
    );
    expect(formatRelative('2026-12-05T05:00:00.000Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-12-17T08:00:00.000Z', now)).toBe('in 12 days');
  });
});

describe('formatExpiry', () => {
  it('tells "never" (null) apart from "unknown" (absent)', () => {
    expect(formatExpiry(null, now)).toBe('never');
    expect(formatExpiry(undefined, now)).toBe('unknown');
  });

  it('shows a day-only expiry (GitLab) as that day, without a time', () => {
    const day = new Date('2027-03-05').toLocaleDateString(undefined, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    expect(formatExpiry('2027-03-05', now)).toBe(`${day} (in 89 days)`);
    expect(formatExpiry('2027-03-05T00:00:00.000Z', now)).toBe(
      `${day} (in 89 days)`,
    );
  });

  it('names a coming expiry and a past one', () => {
    expect(formatExpiry('2026-12-17T08:00:00.000Z', now)).toMatch(
      /\(in 12 days\)$/,
    );
    expect(formatExpiry('2026-12-03T08:00:00.000Z', now)).toMatch(
      /^expired 2 days ago/,
    );
  });
});

describe('formatRateLimit', () => {
  it('shows what is left of the limit and when it resets', () => {
    expect(
      formatRateLimit(
        { limit: 5000, remaining: 12, resetAt: '2026-12-05T08:30:00.000Z' },
        now,
      ),
    ).toBe(`12 of ${(5000).toLocaleString()} left, resets in 30 minutes`);
    expect(formatRateLimit({ limit: 600, remaining: 600 }, now)).toBe(
      '600 of 600 left',
    );
  });
});

describe('hostStatus', () => {
  const credential = githubHost.credentials[0];

  it('is the worst status among the credentials', () => {
    const host: HostHealth = {
      ...githubHost,
      credentials: [
        { ...credential, status: 'ok' },
        { ...credential, id: 'app:1', status: 'warning' },
      ],
    };
    expect(hostStatus(host)).toBe('warning');
  });

  it('is an error when the host is used but has no credential, unchecked when nobody uses it', () => {
    expect(hostStatus({ ...githubHost, credentials: [] })).toBe('error');
    expect(hostStatus({ ...githubHost, credentials: [], usedBy: [] })).toBe(
      'unchecked',
    );
  });
});
