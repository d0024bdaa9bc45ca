import type { RoleVia } from '../api/types';

/** `group:default/platform-team` → `platform-team`; other namespaces stay visible (`ops/sre`). */
export function shortRef(ref: string): string {
  const match = /^[^:/]+:([^:/]+)\/([^:/]+)$/.exec(ref);
  if (!match) return ref; // not a full entity ref, e.g. a service principal
  const [, namespace, name] = match;
  return namespace === 'default' ? name : `${namespace}/${name}`;
}

/** A membership path as people read it: `alice → sre → platform-team`. */
export function formatPath(path: string[]): string {
  return path.map(shortRef).join(' → ');
}

/** How a role was obtained, in words. */
export function describeVia(via: RoleVia): string {
  const member = via.member ? shortRef(via.member) : undefined;
  const path = via.path.length > 1 ? ` (${formatPath(via.path)})` : '';
  switch (via.kind) {
    case 'binding':
      if (via.member?.startsWith('user:') && via.path.length <= 1) {
        return `bound to ${member} directly`;
      }
      return `binding to ${member ?? 'a member'}${path}`;
    case 'annotation':
      return `catalog annotation on ${member ?? 'the user'}${path}`;
    case 'default':
      return 'default role of every signed-in user';
    default:
      return via.kind;
  }
}

/** `ageSeconds` as a short phrase: `just now`, `42 seconds ago`, `3 minutes ago`, `2 hours ago`. */
export function formatAge(ageSeconds: number): string {
  const seconds = Math.max(0, Math.round(ageSeconds));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} seconds ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60)
    return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
}
