import type { Entity } from '@backstage/catalog-model';
import type {
  OrgSourceGroup,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { breakGroupCycles } from './breakGroupCycles';
import { mergeFields, type EntityFields } from './entityFields';
import type { MergedIdentity, RunProblem } from './types';

/** Everything buildEntities needs. */
export type BuildInput = {
  providerId: string;
  namespace: string;
  users: MergedIdentity<OrgSourceUser>[];
  groups: MergedIdentity<OrgSourceGroup>[];
  userNames: Map<string, string>;
  groupNames: Map<string, string>;
};

/** The catalog location recorded on every entity a provider writes. */
export function managedByLocation(providerId: string): string {
  return `org-sync:${providerId}`;
}

/**
 * Builds User and Group entities from named identities: memberships from
 * both sides (group members and user memberOf), parents from both sides
 * (group parents and group children), cycles broken and reported.
 */
export function buildEntities(input: BuildInput): {
  entities: Array<{ entity: Entity; keys: string[] }>;
  problems: RunProblem[];
} {
  const problems: RunProblem[] = [];
  const unsupported = new Set<string>();
  const onUnsupported = (path: string) => {
    if (unsupported.has(path)) return;
    unsupported.add(path);
    problems.push({
      source: 'engine',
      severity: 'warning',
      code: 'unsupported-field',
      message: `Entity field '${path}' cannot be set by a source; it is ignored (allowed: metadata.title, metadata.description, metadata.annotations.*, metadata.labels.*, spec.profile.*)`,
    });
  };

  const userIds = indexKeys(input.users);
  const groupIds = indexKeys(input.groups);
  // Memberships as lists (duplicates removed when refs are built); parents as
  // sets, which cycle breaking edits.
  const memberOf = new Map<string, string[]>();
  const parents = new Map<string, Set<string>>();
  const addTo = (map: Map<string, string[]>, from: string, to: string) => {
    const list = map.get(from);
    if (list) list.push(to);
    else map.set(from, [to]);
  };
  const link = (from: string, to: string) => {
    if (from === to) return;
    const set = parents.get(from);
    if (set) set.add(to);
    else parents.set(from, new Set([to]));
  };

  for (const user of input.users) {
    forEachPart(user, (part, prefix) => {
      const groupsOfSource = groupIds.get(prefix);
      for (const key of part.memberOf) {
        const group = groupsOfSource?.get(key);
        if (group) addTo(memberOf, user.id, group);
      }
    });
  }
  for (const group of input.groups) {
    forEachPart(group, (part, prefix) => {
      const usersOfSource = userIds.get(prefix);
      const groupsOfSource = groupIds.get(prefix);
      for (const key of part.members) {
        const user = usersOfSource?.get(key);
        if (user) addTo(memberOf, user, group.id);
      }
      for (const key of part.parents) {
        const parent = groupsOfSource?.get(key);
        if (parent) link(group.id, parent);
      }
      for (const key of part.children) {
        const child = groupsOfSource?.get(key);
        if (child) link(child, group.id);
      }
    });
  }

  const groupName = (id: string) => input.groupNames.get(id)!;
  const groupOrder = input.groups
    .map(group => group.id)
    .sort((a, b) => (groupName(a) < groupName(b) ? -1 : 1));
  problems.push(...breakGroupCycles(groupOrder, parents, groupName));

  const membersOf = new Map<string, string[]>();
  for (const [user, groups] of memberOf) {
    for (const group of groups) addTo(membersOf, group, user);
  }
  const childrenOf = new Map<string, string[]>();
  for (const [child, groupParents] of parents) {
    for (const parent of groupParents) addTo(childrenOf, parent, child);
  }

  const userRefs = new Map(
    input.users.map(u => [
      u.id,
      `user:${input.namespace}/${input.userNames.get(u.id)}`,
    ]),
  );
  const groupRefs = new Map(
    input.groups.map(g => [
      g.id,
      `group:${input.namespace}/${groupName(g.id)}`,
    ]),
  );
  const refs = (
    ids: Iterable<string> | undefined,
    byId: Map<string, string>,
  ): string[] => {
    if (!ids) return [];
    const result: string[] = [];
    for (const id of ids) result.push(byId.get(id)!);
    if (result.length < 2) return result;
    result.sort();
    return result.filter((ref, i) => i === 0 || ref !== result[i - 1]);
  };

  const entities: Array<{ entity: Entity; keys: string[] }> = [];
  for (const user of input.users) {
    const fields = mergeFields(user.parts, onUnsupported);
    entities.push({
      keys: user.keys,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: metadata(input, input.userNames.get(user.id)!, fields),
        spec: {
          profile: fields.profile,
          memberOf: refs(memberOf.get(user.id), groupRefs),
        },
      },
    });
  }
  for (const group of input.groups) {
    const fields = mergeFields(group.parts, onUnsupported);
    const groupParents = refs(parents.get(group.id), groupRefs);
    entities.push({
      keys: group.keys,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: metadata(input, groupName(group.id), fields),
        spec: {
          type: group.parts[0].type,
          profile: fields.profile,
          ...(groupParents.length ? { parent: groupParents[0] } : {}),
          children: refs(childrenOf.get(group.id), groupRefs),
          members: refs(membersOf.get(group.id), userRefs),
        },
      },
    });
  }
  return { entities, problems };
}

/** Identity ids by source (key prefix) and then by the source's own key. */
function indexKeys(
  identities: MergedIdentity<OrgSourceUser | OrgSourceGroup>[],
): Map<string, Map<string, string>> {
  const index = new Map<string, Map<string, string>>();
  for (const identity of identities) {
    forEachPart(identity, (part, prefix) => {
      let bySource = index.get(prefix);
      if (!bySource) {
        bySource = new Map();
        index.set(prefix, bySource);
      }
      bySource.set(part.key, identity.id);
    });
  }
  return index;
}

function forEachPart<T extends OrgSourceUser | OrgSourceGroup>(
  identity: MergedIdentity<T>,
  fn: (part: T, sourcePrefix: string) => void,
) {
  for (let i = 0; i < identity.parts.length; i++) {
    fn(identity.parts[i], identity.sourcePrefixes[i]);
  }
}

function metadata(
  input: BuildInput,
  name: string,
  fields: EntityFields,
): Entity['metadata'] {
  const location = managedByLocation(input.providerId);
  fields.annotations['backstage.io/managed-by-location'] = location;
  fields.annotations['backstage.io/managed-by-origin-location'] = location;
  return {
    name,
    namespace: input.namespace,
    ...(fields.title ? { title: fields.title } : {}),
    ...(fields.description ? { description: fields.description } : {}),
    annotations: fields.annotations,
    ...(Object.keys(fields.labels).length ? { labels: fields.labels } : {}),
  };
}
