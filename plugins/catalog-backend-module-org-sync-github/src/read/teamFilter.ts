import type { GithubSourceConfig } from '../config/types';

function toRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Whether a team slug is read, by `teams.include` and `teams.exclude`. */
export function createTeamFilter(
  teams: GithubSourceConfig['teams'],
): (slug: string) => boolean {
  const include =
    teams.include === 'all' ? undefined : teams.include.map(toRegExp);
  const exclude = teams.exclude.map(toRegExp);
  return slug =>
    (!include || include.some(re => re.test(slug))) &&
    !exclude.some(re => re.test(slug));
}
