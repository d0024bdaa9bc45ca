import { normaliseName, shortHash, withSuffix } from './normaliseName';
import type { NameCollision, RunProblem } from './types';

/** An identity that needs a name. */
export type NameCandidate = {
  id: string;
  keys: string[];
  /** The source's preferred name, before normalisation. */
  preferred: string;
};

/** What naming needs to know from earlier runs and other providers. */
export type NamingContext = {
  kind: 'User' | 'Group';
  /** Names (lower case) this kind had in earlier runs, by qualified source key. */
  previousNameByKey: Map<string, string>;
  /** Names (lower case) owned by other providers in the same namespace. */
  reserved: Set<string>;
};

/**
 * Gives every identity a unique, valid name, deterministically.
 *
 * 1. An identity keeps the name it had before (matched by any of its source
 *    keys), so names are stable when display names or even source names
 *    change.
 * 2. Everyone else gets the normalised preferred name, in order of that name
 *    and then identity id; when it is taken, the later identity gets
 *    `<name>-<hash of its id>` and the collision is reported. Nobody is
 *    dropped.
 * 3. An identity whose preferred name normalises to nothing is named
 *    `<kind>-<hash of its id>` and reported.
 */
export function assignNames(
  candidates: NameCandidate[],
  context: NamingContext,
): {
  names: Map<string, string>;
  collisions: NameCollision[];
  problems: RunProblem[];
} {
  const taken = new Map<string, string>();
  const names = new Map<string, string>();
  const collisions: NameCollision[] = [];
  const problems: RunProblem[] = [];
  const isFree = (name: string) =>
    !taken.has(name) && !context.reserved.has(name);
  const claim = (id: string, name: string) => {
    taken.set(name, id);
    names.set(id, name);
  };

  const withPrevious: Array<{ candidate: NameCandidate; name: string }> = [];
  const fresh: Array<{ candidate: NameCandidate; base?: string }> = [];
  for (const candidate of candidates) {
    const previous = candidate.keys
      .map(key => context.previousNameByKey.get(key))
      .find(Boolean);
    if (previous) withPrevious.push({ candidate, name: previous });
    else fresh.push({ candidate, base: normaliseName(candidate.preferred) });
  }

  withPrevious.sort(
    (a, b) =>
      compare(a.name, b.name) || compare(a.candidate.id, b.candidate.id),
  );
  for (const entry of withPrevious) {
    if (isFree(entry.name)) claim(entry.candidate.id, entry.name);
    else
      fresh.push({
        candidate: entry.candidate,
        base: normaliseName(entry.candidate.preferred),
      });
  }

  fresh.sort(
    (a, b) =>
      compare(a.base ?? '', b.base ?? '') ||
      compare(a.candidate.id, b.candidate.id),
  );
  for (const { candidate, base } of fresh) {
    if (!base) {
      const name = uniqueSuffixed(
        context.kind.toLowerCase(),
        candidate.id,
        isFree,
      );
      claim(candidate.id, name);
      problems.push({
        source: 'engine',
        severity: 'warning',
        code: 'unusable-name',
        message: `${context.kind} ${candidate.id} has the name '${candidate.preferred}', which has no usable characters; it is named '${name}'`,
      });
      continue;
    }
    if (isFree(base)) {
      claim(candidate.id, base);
      continue;
    }
    const name = uniqueSuffixed(base, candidate.id, isFree);
    claim(candidate.id, name);
    collisions.push({
      kind: context.kind,
      name: base,
      keptBy: taken.get(base) ?? 'another provider',
      renamed: { id: candidate.id, name },
    });
  }
  return { names, collisions, problems };
}

function uniqueSuffixed(
  base: string,
  id: string,
  isFree: (name: string) => boolean,
): string {
  for (let attempt = 0; ; attempt++) {
    const name = withSuffix(base, shortHash(attempt ? `${id}#${attempt}` : id));
    if (isFree(name)) return name;
  }
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
