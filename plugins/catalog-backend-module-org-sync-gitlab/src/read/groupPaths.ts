/** The group path below the root group (`''` for the root group itself). */
export function relativePath(rootFullPath: string, fullPath: string): string {
  const root = rootFullPath.toLowerCase();
  const path = fullPath.toLowerCase();
  if (path === root) return '';
  return path.startsWith(`${root}/`)
    ? fullPath.slice(rootFullPath.length + 1)
    : fullPath;
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') {
      source += '[^/]*';
    } else {
      source += char.replace(/[.\-]/g, c => `\\${c}`);
    }
  }
  return new RegExp(`^${source}$`, 'i');
}

/**
 * Whether a group (by its path relative to the root group) is left out: it,
 * or one of its ancestors below the root, matches one of the glob patterns
 * (`*` one path segment, `**` any number).
 */
export function excludedBy(patterns: string[]): (relative: string) => boolean {
  const regExps = patterns.map(globToRegExp);
  if (regExps.length === 0) return () => false;
  return relative => {
    if (relative === '') return false;
    const segments = relative.split('/');
    for (let depth = 1; depth <= segments.length; depth++) {
      const prefix = segments.slice(0, depth).join('/');
      if (regExps.some(re => re.test(prefix))) return true;
    }
    return false;
  };
}

/**
 * Catalog name wishes for groups. `path` naming: the path relative to the
 * root group with `/` as `-` (the root group: its own path). `leaf` naming:
 * each group's own path segment, so groups merge by name with the same teams
 * of other sources. Two groups that would get the same name (`a/b-c` and
 * `a-b/c`, or two `sre` leaves) are told apart: the one with the lower id
 * keeps the name, the others get `-<id>` appended.
 */
export function groupNames(
  rootFullPath: string,
  groups: Array<{ id: number; path: string; full_path: string }>,
  naming: 'path' | 'leaf' = 'path',
): Map<number, string> {
  const wished = new Map<number, string>();
  for (const group of groups) {
    const relative = relativePath(rootFullPath, group.full_path);
    wished.set(
      group.id,
      naming === 'leaf' || relative === ''
        ? group.path
        : relative.replace(/\//g, '-'),
    );
  }
  const byName = new Map<string, number[]>();
  for (const [id, name] of wished) {
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), id]);
  }
  const taken = new Set(byName.keys());
  const names = new Map<number, string>();
  for (const ids of byName.values()) {
    ids.sort((a, b) => a - b);
    names.set(ids[0], wished.get(ids[0])!);
    for (const id of ids.slice(1)) {
      let name = `${wished.get(id)}-${id}`;
      while (taken.has(name.toLowerCase())) name = `${name}-${id}`;
      taken.add(name.toLowerCase());
      names.set(id, name);
    }
  }
  return names;
}
