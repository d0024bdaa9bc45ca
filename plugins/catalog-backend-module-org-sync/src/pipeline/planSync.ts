import type {
  OrgSourceGroup,
  OrgSourceReadResult,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { assignNames } from './assignNames';
import { buildEntities } from './buildEntities';
import { hashOf } from './hashEntity';
import { mergeIdentities } from './mergeIdentities';
import { normaliseName } from './normaliseName';
import { qualifiedKey, sourcePrefix } from './qualifiedKey';
import type { BuiltEntity, NameCollision, RunProblem, Tagged } from './types';
import { validateEntities } from './validateEntities';

/** What one source gave in this run. */
export type SourceRead = {
  type: string;
  id: string;
  result?: OrgSourceReadResult;
  /** Why the read failed, when it threw. */
  error?: string;
};

/** What the last committed set looked like, per entity ref. */
export type PreviousEntry = {
  kind: 'User' | 'Group';
  name: string;
  hash: string;
  keys: string[];
};

/** Everything a plan depends on. */
export type PlanInput = {
  providerId: string;
  namespace: string;
  merge: { users: string[]; groups: string[] };
  safety: {
    maxRemovalShare: number;
    maxRemovals?: number;
    allowEmpty: boolean;
  };
  reads: SourceRead[];
  /** This provider's last committed set, by entity ref. */
  previous: Map<string, PreviousEntry>;
  /** Names that entities of providers no longer configured had, by qualified key. */
  inheritedNames: Map<string, { kind: 'User' | 'Group'; name: string }>;
  /** Refs (lower case) owned by other configured providers. */
  reservedRefs: Set<string>;
};

/** How a run ends. */
export type PlanOutcome =
  /** Everything committed, including removals. */
  | 'committed'
  /** Additions and updates committed; some or all removals withheld. */
  | 'committed-without-removals'
  /** Nothing committed, on purpose (for example an empty result). */
  | 'refused'
  /** Nothing committed because no source could be read. */
  | 'failed';

/** The decision of one run: what to commit and why. */
export type SyncPlan = {
  outcome: PlanOutcome;
  /** Why removals were withheld or the run refused, in a sentence. */
  reason?: string;
  /** Entities built in this run that will be committed. */
  entities: BuiltEntity[];
  /** Refs of earlier entities that stay committed as they were. */
  retainedRefs: string[];
  diff: {
    added: string[];
    updated: string[];
    removed: string[];
    /** Removals that were refused. */
    withheld: string[];
    unchanged: number;
  };
  read: { users: number; groups: number };
  collisions: NameCollision[];
  problems: RunProblem[];
};

/**
 * The pipeline from source reads to a commit decision: normalise → merge
 * identities → name → build → validate → diff against the last committed set
 * → apply the safety rules. Pure apart from CPU: no I/O.
 */
export async function planSync(input: PlanInput): Promise<SyncPlan> {
  const problems: RunProblem[] = [];
  const users: Tagged<OrgSourceUser>[] = [];
  const groups: Tagged<OrgSourceGroup>[] = [];
  const skippedKeys = new Set<string>();
  // Sources that failed or read only part of their data, by key prefix.
  const unreliable: string[] = [];

  input.reads.forEach((read, sourceIndex) => {
    const source = `${read.type}.${read.id}`;
    if (!read.result) {
      unreliable.push(sourcePrefix(read.type, read.id));
      problems.push({
        source,
        severity: 'error',
        code: 'source-failed',
        message: `Source ${source} could not be read: ${read.error}`,
      });
      return;
    }
    if (!read.result.complete) {
      unreliable.push(sourcePrefix(read.type, read.id));
    }
    for (const problem of read.result.problems) {
      problems.push({ ...problem, source });
      if (problem.key)
        skippedKeys.add(qualifiedKey(read.type, read.id, problem.key));
    }
    const prefix = sourcePrefix(read.type, read.id);
    for (const item of read.result.users) {
      users.push(tag(prefix, sourceIndex, normaliseIdentifiers(item)));
    }
    for (const item of read.result.groups) {
      groups.push(tag(prefix, sourceIndex, normaliseIdentifiers(item)));
    }
  });

  const emptyPlan = (outcome: PlanOutcome, reason: string): SyncPlan => ({
    outcome,
    reason,
    entities: [],
    retainedRefs: [...input.previous.keys()],
    diff: { added: [], updated: [], removed: [], withheld: [], unchanged: 0 },
    read: { users: users.length, groups: groups.length },
    collisions: [],
    problems,
  });
  if (input.reads.every(read => !read.result)) {
    return emptyPlan('failed', 'no source could be read; nothing was changed');
  }
  if (users.length === 0 && groups.length === 0 && !input.safety.allowEmpty) {
    problems.push({
      source: 'engine',
      severity: 'error',
      code: 'empty-result',
      message: `The sources returned no users and no groups; the commit is refused and the ${input.previous.size} entities committed before stay (set safety.allowEmpty to accept an empty organisation)`,
    });
    return emptyPlan('refused', 'the sources returned no users and no groups');
  }

  const mergedUsers = mergeIdentities(users, input.merge.users, 'User');
  const mergedGroups = mergeIdentities(groups, input.merge.groups, 'Group');
  problems.push(...mergedUsers.problems, ...mergedGroups.problems);

  const naming = (kind: 'User' | 'Group') => {
    const previousNameByKey = new Map<string, string>();
    for (const [key, entry] of input.inheritedNames) {
      if (entry.kind === kind) previousNameByKey.set(key, entry.name);
    }
    for (const entry of input.previous.values()) {
      if (entry.kind !== kind) continue;
      for (const key of entry.keys) previousNameByKey.set(key, entry.name);
    }
    const prefix = `${kind.toLowerCase()}:${input.namespace.toLowerCase()}/`;
    const reserved = new Set<string>();
    for (const ref of input.reservedRefs) {
      if (ref.startsWith(prefix)) reserved.add(ref.slice(prefix.length));
    }
    return { kind, previousNameByKey, reserved };
  };
  const userNaming = assignNames(
    mergedUsers.identities.map(u => ({
      id: u.id,
      keys: u.keys,
      preferred: u.parts[0].name,
    })),
    naming('User'),
  );
  const groupNaming = assignNames(
    mergedGroups.identities.map(g => ({
      id: g.id,
      keys: g.keys,
      preferred: g.parts[0].name,
    })),
    naming('Group'),
  );
  const collisions = [...userNaming.collisions, ...groupNaming.collisions];
  problems.push(...userNaming.problems, ...groupNaming.problems);
  for (const collision of collisions) {
    problems.push({
      source: 'engine',
      severity: 'warning',
      code: 'name-collision',
      message: `${collision.kind} name '${collision.name}' is wanted by ${collision.keptBy} and ${collision.renamed.id}; ${collision.renamed.id} is named '${collision.renamed.name}'`,
    });
  }

  const built = buildEntities({
    providerId: input.providerId,
    namespace: input.namespace,
    users: mergedUsers.identities,
    groups: mergedGroups.identities,
    userNames: userNaming.names,
    groupNames: groupNaming.names,
  });
  problems.push(...built.problems);
  const validated = validateEntities(built.entities);
  problems.push(...validated.problems);
  for (const key of validated.invalidKeys) skippedKeys.add(key);

  const entities: BuiltEntity[] = validated.valid.map(({ entity, keys }) => ({
    ref: refOf(entity.kind, input.namespace, entity.metadata.name),
    entity,
    keys,
  }));
  return decide(input, entities, skippedKeys, unreliable, {
    read: { users: users.length, groups: groups.length },
    collisions,
    problems,
  });
}

function decide(
  input: PlanInput,
  entities: BuiltEntity[],
  skippedKeys: Set<string>,
  unreliable: string[],
  rest: Pick<SyncPlan, 'read' | 'collisions' | 'problems'>,
): SyncPlan {
  const incomplete = unreliable.length > 0;
  const current = new Set(entities.map(e => e.ref));
  const added: string[] = [];
  const updated: string[] = [];
  const kept: string[] = [];
  let unchanged = 0;
  const committable: BuiltEntity[] = [];
  for (const entity of entities) {
    const before = input.previous.get(entity.ref);
    if (!before) {
      added.push(entity.ref);
    } else if (before.hash === hashOf(entity)) {
      unchanged++;
    } else if (lostUnreliableKey(before.keys, entity.keys, unreliable)) {
      // Part of this entity came from a source that failed this run (say
      // its GitHub id): keep it as it was rather than drop that part.
      kept.push(entity.ref);
      continue;
    } else {
      updated.push(entity.ref);
    }
    committable.push(entity);
  }
  const candidates: string[] = [];
  for (const [ref, entry] of input.previous) {
    if (current.has(ref)) continue;
    if (entry.keys.some(key => skippedKeys.has(key))) kept.push(ref);
    else candidates.push(ref);
  }
  if (kept.length) {
    rest.problems.push({
      source: 'engine',
      severity: 'warning',
      code: 'kept-skipped',
      message: `${
        kept.length
      } entities whose source entries were skipped, or whose sources failed, this run stay as last committed: ${preview(
        kept,
      )}`,
    });
  }

  const { maxRemovalShare, maxRemovals } = input.safety;
  let reason: string | undefined;
  if (candidates.length && incomplete) {
    reason = `a source read failed or was incomplete, so none of the ${candidates.length} removals were made`;
  } else if (
    candidates.length &&
    (candidates.length > maxRemovalShare * input.previous.size ||
      (maxRemovals !== undefined && candidates.length > maxRemovals))
  ) {
    const share = ((100 * candidates.length) / input.previous.size).toFixed(1);
    reason = `the run would remove ${candidates.length} of ${
      input.previous.size
    } entities (${share}%), above the limit (safety.maxRemovalShare ${maxRemovalShare}${
      maxRemovals !== undefined ? `, safety.maxRemovals ${maxRemovals}` : ''
    }); none were removed`;
  }
  if (reason && candidates.length) {
    rest.problems.push({
      source: 'engine',
      severity: 'error',
      code: incomplete
        ? 'removals-withheld-incomplete'
        : 'removals-above-threshold',
      message: `Removals refused: ${reason}: ${preview(candidates)}`,
    });
  }
  const withheld = reason ? candidates : [];
  if (!reason && incomplete) {
    reason =
      'a source read failed or was incomplete, so removals were off for this run (there were none to make)';
  } else if (!reason && kept.length) {
    reason = `${kept.length} entities whose source entries were skipped or invalid were kept as last committed`;
  }
  return {
    outcome:
      incomplete || withheld.length || kept.length
        ? 'committed-without-removals'
        : 'committed',
    reason,
    entities: committable,
    retainedRefs: [...kept, ...withheld],
    diff: {
      added,
      updated,
      removed: withheld.length ? [] : candidates,
      withheld,
      unchanged,
    },
    ...rest,
  };
}

/** Whether an entity lost a source key of a source that failed or was incomplete. */
function lostUnreliableKey(
  before: string[],
  now: string[],
  unreliable: string[],
): boolean {
  return before.some(
    key =>
      unreliable.some(prefix => key.startsWith(prefix)) && !now.includes(key),
  );
}

function tag<T extends OrgSourceUser | OrgSourceGroup>(
  prefix: string,
  sourceIndex: number,
  item: T,
): Tagged<T> {
  return {
    qualifiedKey: prefix + item.key,
    sourcePrefix: prefix,
    sourceIndex,
    item,
  };
}

/** Normalises identifiers in place: the read results belong to this run. */
function normaliseIdentifiers<T extends OrgSourceUser | OrgSourceGroup>(
  item: T,
): T {
  const identifiers: Record<string, string> = {};
  for (const [key, value] of Object.entries(item.identifiers)) {
    const normalised = value?.trim().toLowerCase();
    if (normalised) identifiers[key] = normalised;
  }
  const name = normaliseName(item.name);
  if (name && !identifiers.name) identifiers.name = name;
  item.identifiers = identifiers;
  return item;
}

/** The lower-case entity ref used as the key of committed entities. */
export function refOf(kind: string, namespace: string, name: string): string {
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

function preview(refs: string[]): string {
  const shown = refs.slice(0, 10).join(', ');
  return refs.length > 10 ? `${shown} and ${refs.length - 10} more` : shown;
}
