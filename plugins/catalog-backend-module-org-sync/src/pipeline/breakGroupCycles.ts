import type { RunProblem } from './types';

/**
 * Removes the parent edges that close cycles (A is a parent of B is a parent
 * of A), visiting groups in the given order so the result is deterministic,
 * and reports each cycle by the names of its groups. Edits `parents` in
 * place.
 */
export function breakGroupCycles(
  order: string[],
  parents: Map<string, Set<string>>,
  nameOf: (id: string) => string,
): RunProblem[] {
  const problems: RunProblem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of order) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const iterators = [
      sortedParents(parents, start, nameOf)[Symbol.iterator](),
    ];
    state.set(start, 'open');
    while (path.length) {
      const current = path[path.length - 1];
      const next = iterators[iterators.length - 1].next();
      if (next.done) {
        state.set(current, 'done');
        path.pop();
        iterators.pop();
        continue;
      }
      const parent = next.value;
      const seen = state.get(parent);
      if (seen === 'open') {
        parents.get(current)!.delete(parent);
        const cycle = path.slice(path.indexOf(parent)).map(nameOf);
        problems.push({
          source: 'engine',
          severity: 'warning',
          code: 'group-cycle',
          message: `Groups ${[...cycle, nameOf(parent)].join(
            ' → ',
          )} form a parent cycle; the link from ${nameOf(
            current,
          )} to parent ${nameOf(parent)} is left out`,
        });
      } else if (!seen) {
        state.set(parent, 'open');
        path.push(parent);
        iterators.push(
          sortedParents(parents, parent, nameOf)[Symbol.iterator](),
        );
      }
    }
  }
  return problems;
}

function sortedParents(
  parents: Map<string, Set<string>>,
  id: string,
  nameOf: (id: string) => string,
): string[] {
  return [...(parents.get(id) ?? [])].sort((a, b) =>
    nameOf(a) < nameOf(b) ? -1 : 1,
  );
}
