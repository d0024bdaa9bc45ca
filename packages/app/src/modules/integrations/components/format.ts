import type {
  CredentialStatus,
  HostHealth,
  CredentialRateLimit,
  ScmIntegrationType,
  ScmServiceCredentialKind,
} from '@identity-portal/plugin-scm-integrations-common';

const integrationTypeTitles: Record<ScmIntegrationType, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucketCloud: 'Bitbucket Cloud',
  bitbucketServer: 'Bitbucket Server',
  azure: 'Azure DevOps',
};

const credentialKindTitles: Record<ScmServiceCredentialKind, string> = {
  'github-app': 'GitHub App',
  'personal-access-token': 'Personal access token',
  'gitlab-token': 'GitLab access token',
  'bitbucket-app-password': 'App password',
  'bitbucket-oauth-client': 'OAuth client',
  'basic-auth': 'Username and password',
  'azure-pat': 'Personal access token',
  'azure-client-secret': 'Service principal (client secret)',
  'azure-managed-identity': 'Managed identity',
  none: 'No credential',
};

export function integrationTypeTitle(type: ScmIntegrationType): string {
  return integrationTypeTitles[type] ?? type;
}

export function credentialKindTitle(kind: ScmServiceCredentialKind): string {
  return credentialKindTitles[kind] ?? kind;
}

const severity: Record<CredentialStatus, number> = {
  ok: 0,
  unchecked: 1,
  warning: 2,
  error: 3,
};

/**
 * A host's status is its worst credential's; a host that someone uses but that has no credential at all is an
 * error, and one that nobody uses and has none is unchecked.
 */
export function hostStatus(host: HostHealth): CredentialStatus {
  if (host.credentials.length === 0) {
    return host.usedBy.length > 0 ? 'error' : 'unchecked';
  }
  return host.credentials
    .map(credential => credential.status)
    .reduce((worst, status) =>
      severity[status] > severity[worst] ? status : worst,
    );
}

/** A point in time as the reader's locale writes it, with seconds. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
}

/** How far `iso` is from `now`, in words: `just now`, `3 minutes ago`, `in 12 days`. */
export function formatRelative(iso: string, now: Date): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const magnitude = Math.abs(seconds);
  if (magnitude < 5) return 'just now';
  const units: [string, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ];
  const [unit, size] = units.find(([, s]) => magnitude >= s)!;
  const count = Math.floor(magnitude / size);
  const phrase = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return seconds < 0 ? `${phrase} ago` : `in ${phrase}`;
}

/**
 * An expiry as the host gives it: GitLab tokens expire on a day (`2027-03-05`, or midnight UTC), shown as that
 * day; anything else as a point in time.
 */
function formatExpiryDate(iso: string): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}(T00:00:00(\.000)?Z)?$/.test(iso);
  return dayOnly
    ? new Date(iso.slice(0, 10)).toLocaleDateString(undefined, {
        dateStyle: 'medium',
        timeZone: 'UTC',
      })
    : formatDateTime(iso);
}

/** `never` (null), `unknown` (absent), or the date with how far away it is; a past date reads `expired …`. */
export function formatExpiry(
  expiresAt: string | null | undefined,
  now: Date,
): string {
  if (expiresAt === null) return 'never';
  if (expiresAt === undefined) return 'unknown';
  const when = formatExpiryDate(expiresAt);
  const relative = formatRelative(expiresAt, now);
  return new Date(expiresAt).getTime() < now.getTime()
    ? `expired ${relative} (${when})`
    : `${when} (${relative})`;
}

/** `4,990 of 5,000 left` with the reset time when known. */
export function formatRateLimit(
  rateLimit: CredentialRateLimit,
  now: Date,
): string {
  const left = `${rateLimit.remaining.toLocaleString()} of ${rateLimit.limit.toLocaleString()} left`;
  return rateLimit.resetAt
    ? `${left}, resets ${formatRelative(rateLimit.resetAt, now)}`
    : left;
}
