import type {
  OrgSourceGroup,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import type { MergedIdentity, RunProblem, Tagged } from './types';

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(start: number): number {
    let root = start;
    while (this.parent[root] !== root) root = this.parent[root];
    let node = start;
    while (this.parent[node] !== root) {
      const next = this.parent[node];
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Merges entries of different sources that share a value of one of the
 * merge identifiers. Entries of one source are never merged with each other:
 * an identifier value that two entries of the same source share is ambiguous,
 * is not used, and is reported. A merge that would join two entries of one
 * source (through different identifiers) is not made, and is reported.
 *
 * The input must be in source order; the output is too.
 */
export function mergeIdentities<T extends OrgSourceUser | OrgSourceGroup>(
  entries: Tagged<T>[],
  mergeKeys: string[],
  kind: 'User' | 'Group',
): { identities: MergedIdentity<T>[]; problems: RunProblem[] } {
  const problems: RunProblem[] = [];
  const oneSource = entries.every(
    e => e.sourceIndex === entries[0].sourceIndex,
  );
  if (oneSource || mergeKeys.length === 0) {
    // Nothing to merge: entries of one source are never merged.
    return {
      identities: entries.map(entry => ({
        id: entry.qualifiedKey,
        keys: [entry.qualifiedKey],
        sourcePrefixes: [entry.sourcePrefix],
        parts: [entry.item],
      })),
      problems,
    };
  }
  const sets = new UnionFind(entries.length);

  for (const identifier of mergeKeys) {
    const first = new Map<string, number>();
    const buckets = new Map<string, number[]>();
    entries.forEach((entry, index) => {
      const value = entry.item.identifiers[identifier];
      if (!value) return;
      const seen = first.get(value);
      if (seen === undefined) {
        first.set(value, index);
        return;
      }
      const bucket = buckets.get(value);
      if (bucket) bucket.push(index);
      else buckets.set(value, [seen, index]);
    });
    for (const [value, bucket] of buckets) {
      const perSource = new Set(bucket.map(i => entries[i].sourceIndex));
      if (perSource.size !== bucket.length) {
        problems.push({
          source: 'engine',
          severity: 'warning',
          code: 'ambiguous-identifier',
          message: `${kind}s ${bucket
            .map(i => entries[i].qualifiedKey)
            .join(
              ', ',
            )} share ${identifier} '${value}' within one source; they are not merged by it`,
        });
        continue;
      }
      for (const i of bucket.slice(1)) sets.union(bucket[0], i);
    }
  }

  const clusters = new Map<number, number[]>();
  entries.forEach((_, index) => {
    const root = sets.find(index);
    const cluster = clusters.get(root);
    if (cluster) cluster.push(index);
    else clusters.set(root, [index]);
  });

  const identities: MergedIdentity<T>[] = [];
  for (const members of clusters.values()) {
    const sources = new Set(members.map(i => entries[i].sourceIndex));
    const groups =
      sources.size === members.length ? [members] : members.map(i => [i]);
    if (groups.length > 1) {
      problems.push({
        source: 'engine',
        severity: 'warning',
        code: 'merge-conflict',
        message: `${kind}s ${members
          .map(i => entries[i].qualifiedKey)
          .join(
            ', ',
          )} would merge into one, but several of them come from one source; they are kept apart`,
      });
    }
    for (const group of groups) {
      identities.push({
        id: entries[group[0]].qualifiedKey,
        keys: group.map(i => entries[i].qualifiedKey),
        sourcePrefixes: group.map(i => entries[i].sourcePrefix),
        parts: group.map(i => entries[i].item),
      });
    }
  }
  return { identities, problems };
}
