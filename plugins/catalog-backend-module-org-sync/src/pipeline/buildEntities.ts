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

  const userIdByKey = indexKeys(input.users);
  const groupIdByKey = indexKeys(input.groups);
  const memberOf = new Map<string, Set<string>>();
  const parents = new Map<string, Set<string>>();
  const link = (map: Map<string, Set<string>>, from: string, to: string) => {
    if (from === to) return;
    const set = map.get(from);
    if (set) set.add(to);
    else map.set(from, new Set([to]));
  };

  for (const user of input.users) {
    forEachPart(user, (part, prefix) => {
      for (const key of part.memberOf) {
        const group = groupIdByKey.get(prefix + key);
        if (group) link(memberOf, user.id, group);
      }
    });
  }
  for (const group of input.groups) {
    forEachPart(group, (part, prefix) => {
      for (const key of part.members) {
        const user = userIdByKey.get(prefix + key);
        if (user) link(memberOf, user, group.id);
      }
      for (const key of part.parents) {
        const parent = groupIdByKey.get(prefix + key);
        if (parent) link(parents, group.id, parent);
      }
      for (const key of part.children) {
        const child = groupIdByKey.get(prefix + key);
        if (child) link(parents, child, group.id);
      }
    });
  }

  const groupName = (id: string) => input.groupNames.get(id)!;
  const groupOrder = input.groups
    .map(group => group.id)
    .sort((a, b) => (groupName(a) < groupName(b) ? -1 : 1));
  problems.push(...breakGroupCycles(groupOrder, parents, groupName));

  const membersOf = new Map<string, Set<string>>();
  for (const [user, groups] of memberOf) {
    for (const group of groups) link(membersOf, group, user);
  }
  const childrenOf = new Map<string, Set<string>>();
  for (const [child, groupParents] of parents) {
    for (const parent of groupParents) link(childrenOf, parent, child);
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
  const refs = (ids: Set<string> | undefined, byId: Map<string, string>) => {
    if (!ids) return [];
    const result: string[] = [];
    for (const id of ids) result.push(byId.get(id)!);
    return result.length > 1 ? result.sort() : result;
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

function indexKeys(
  identities: MergedIdentity<OrgSourceUser | OrgSourceGroup>[],
): Map<string, string> {
  const index = new Map<string, string>();
  for (const identity of identities) {
    for (const key of identity.keys) index.set(key, identity.id);
  }
  return index;
}

function forEachPart<T extends OrgSourceUser | OrgSourceGroup>(
  identity: MergedIdentity<T>,
  fn: (part: T, keyPrefix: string) => void,
) {
  identity.parts.forEach((part, i) => {
    const key = identity.keys[i];
    fn(part, key.slice(0, key.length - part.key.length));
  });
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
