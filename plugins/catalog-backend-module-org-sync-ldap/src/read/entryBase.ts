import type { Entry } from 'ldapts';
import { firstRdnValue } from '@identity-portal/ldap-node';
import { AttributePlan, EntryValues } from './attributePlan';
import type { ReadProblems } from './records';

/** Slots of the attributes users and groups have in common. */
export interface CommonSlots {
  key: number;
  name: number;
  displayName: number;
  email: number;
  picture: number;
  description: number;
  identifiers: Array<[string, number]>;
  fields: Array<[string, number]>;
}

/** Attribute names of the common roles, for requests and messages. */
export interface CommonAttributes {
  key: string;
  name: string;
  displayName?: string;
  email?: string;
  picture?: string;
  description?: string;
}

/** The part users and groups share. */
export interface CommonTarget {
  displayName?: string;
  email?: string;
  picture?: string;
  description?: string;
  identifiers: Record<string, string>;
  fields: Record<string, string>;
}

/** Every attribute name a search needs for the common roles. */
export function commonAttributeNames(
  attributes: CommonAttributes,
  identifiers: Record<string, string>,
  fields: Record<string, string>,
): Array<string | undefined> {
  return [
    attributes.key,
    attributes.name,
    attributes.displayName,
    attributes.email,
    attributes.picture,
    attributes.description,
    ...Object.values(identifiers),
    ...Object.values(fields),
  ];
}

/** Looks up the slots of the common roles in a plan. */
export function commonSlots(
  plan: AttributePlan,
  attributes: CommonAttributes,
  identifiers: Record<string, string>,
  fields: Record<string, string>,
): CommonSlots {
  return {
    key: plan.slot(attributes.key),
    name: plan.slot(attributes.name),
    displayName: plan.slot(attributes.displayName),
    email: plan.slot(attributes.email),
    picture: plan.slot(attributes.picture),
    description: plan.slot(attributes.description),
    identifiers: Object.entries(identifiers).map(([id, attribute]) => [
      id,
      plan.slot(attribute),
    ]),
    fields: Object.entries(fields).map(([path, attribute]) => [
      path,
      plan.slot(attribute),
    ]),
  };
}

/** Which required attribute is read, for the warning when it is missing. */
export interface RequiredRole {
  kind: 'user' | 'group';
  role: 'key' | 'name';
  attribute: string;
}

/**
 * The text of a required attribute (key or name). When it is missing the
 * entry is skipped: a warning names the DN and the attribute, and carries the
 * entry's key when it is known, so that its earlier entity is kept.
 */
export function requiredText(
  entry: Entry,
  values: EntryValues,
  plan: AttributePlan,
  slot: number,
  what: RequiredRole,
  problems: ReadProblems,
  key?: string,
): string | undefined {
  const text = plan.text(values, slot);
  if (text === undefined) {
    problems.warning(
      `missing-${what.role}-attribute`,
      `Skipped ${what.kind} ${entry.dn}: it has no ${what.attribute} (the ${what.role} attribute)`,
      entry.dn,
      key,
    );
  }
  return text;
}

/** The annotations every user and group gets. */
export function ldapAnnotations(
  dn: string,
  key: string,
): Record<string, string> {
  // Literal keys (not computed ones) let V8 build the object from a
  // boilerplate; keep them equal to the ANNOTATION_LDAP_* constants.
  return {
    'backstage.io/ldap-dn': dn,
    'backstage.io/ldap-rdn': firstRdnValue(dn),
    'backstage.io/ldap-uuid': key,
  };
}

/** Sets the optional common fields, identifiers and entity fields. */
export function fillCommon(
  target: CommonTarget,
  values: EntryValues,
  plan: AttributePlan,
  slots: CommonSlots,
): void {
  const displayName = plan.text(values, slots.displayName);
  if (displayName !== undefined) {
    target.displayName = displayName;
  }
  const email = plan.text(values, slots.email);
  if (email !== undefined) {
    target.email = email;
  }
  const picture = plan.text(values, slots.picture);
  if (picture !== undefined) {
    target.picture = picture;
  }
  const description = plan.text(values, slots.description);
  if (description !== undefined) {
    target.description = description;
  }
  for (const [id, slot] of slots.identifiers) {
    const value = plan.text(values, slot);
    if (value !== undefined) {
      target.identifiers[id] = value;
    }
  }
  for (const [path, slot] of slots.fields) {
    const value = plan.text(values, slot);
    if (value !== undefined) {
      target.fields[path] = value;
    }
  }
}

/**
 * The key and the name of an entry, both required. When either is missing
 * the entry is skipped and a warning names the DN and the attribute; a
 * missing name carries the key, so that the entry's earlier entity is kept.
 */
export function requiredKeyAndName(
  entry: Entry,
  values: EntryValues,
  plan: AttributePlan,
  slots: { key: number; name: number },
  kind: 'user' | 'group',
  attributes: { key: string; name: string },
  problems: ReadProblems,
): { key: string; name: string } | undefined {
  const key = requiredText(
    entry,
    values,
    plan,
    slots.key,
    { kind, role: 'key', attribute: attributes.key },
    problems,
  );
  if (key === undefined) return undefined;
  const name = requiredText(
    entry,
    values,
    plan,
    slots.name,
    { kind, role: 'name', attribute: attributes.name },
    problems,
    key,
  );
  return name === undefined ? undefined : { key, name };
}
