/** Classic GitHub OAuth/PAT scopes and the scopes each one includes. */
const GITHUB_IMPLIED: Record<string, string[]> = {
  repo: [
    'repo:status',
    'repo_deployment',
    'public_repo',
    'repo:invite',
    'security_events',
  ],
  'admin:org': ['write:org', 'read:org', 'manage_runners:org'],
  'write:org': ['read:org'],
  user: ['read:user', 'user:email', 'user:follow'],
  'admin:repo_hook': ['write:repo_hook', 'read:repo_hook'],
  'write:repo_hook': ['read:repo_hook'],
  'admin:public_key': ['write:public_key', 'read:public_key'],
  'write:public_key': ['read:public_key'],
  'admin:gpg_key': ['write:gpg_key', 'read:gpg_key'],
  'write:gpg_key': ['read:gpg_key'],
  'write:packages': ['read:packages'],
  'admin:enterprise': ['manage_runners:enterprise', 'read:enterprise'],
  project: ['read:project'],
  workflow: [],
};

/** GitLab token scopes and the scopes each one includes. */
const GITLAB_IMPLIED: Record<string, string[]> = {
  api: ['read_api', 'read_user'],
  write_repository: ['read_repository'],
  write_registry: ['read_registry'],
};

function grantedThrough(
  implied: Record<string, string[]>,
  granted: string[],
  needed: string,
): boolean {
  return granted.some(
    scope => scope === needed || (implied[scope] ?? []).includes(needed),
  );
}

export const githubScopeGranted = (granted: string[], needed: string) =>
  grantedThrough(GITHUB_IMPLIED, granted, needed);

export const gitlabScopeGranted = (granted: string[], needed: string) =>
  grantedThrough(GITLAB_IMPLIED, granted, needed);

const LEVELS = ['read', 'write', 'admin'];

/** GitHub App permissions as `name:level`; a higher level includes the lower ones. */
export function githubAppPermissionGranted(
  granted: string[],
  needed: string,
): boolean {
  const [name, level] = needed.split(':');
  return granted.some(entry => {
    const [grantedName, grantedLevel] = entry.split(':');
    return (
      grantedName === name &&
      LEVELS.indexOf(grantedLevel) >= LEVELS.indexOf(level)
    );
  });
}

/** For hosts without implied scopes: a scope is granted when it is listed. */
export const listedScopeGranted = (granted: string[], needed: string) =>
  granted.includes(needed);
