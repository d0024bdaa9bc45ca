import { InputError } from '@backstage/errors';
import { DemoOrg, DemoPerson } from '../model';
import { escapeDnValue } from './escapeDnValue';

export const DEFAULT_BASE_DN = 'dc=example,dc=com';
export const DEFAULT_SERVICE_ACCOUNT_NAME = 'portal-reader';
/** `cn` of the entry listed as the only member of teams without members. */
export const EMPTY_GROUP_PLACEHOLDER_NAME = 'empty-group-placeholder';

/** Which attribute names a person's entry: `uid` (default) or `cn` (AD style). */
export type PersonRdnAttribute = 'uid' | 'cn';

export interface LdapLayoutOptions {
  /** Suffix of the directory; defaults to `dc=example,dc=com`. */
  baseDn?: string;
  /**
   * `uid` (default) gives `uid=<uid>,ou=people,<baseDn>`; `cn` gives
   * `cn=<display name>,ou=people,<baseDn>`, escaped per RFC 4514, the way
   * Active Directory names people. With `cn`, display names must be unique.
   */
  personRdnAttribute?: PersonRdnAttribute;
}

/** Where every entry of the demo directory lives. */
export interface LdapLayout {
  baseDn: string;
  /** First RDN of the base DN, e.g. `dc` / `example`. */
  baseRdn: { attribute: string; value: string };
  peopleDn: string;
  groupsDn: string;
  servicesDn: string;
  personRdnAttribute: PersonRdnAttribute;
  /** The RDN value: the uid or the display name, unescaped. */
  personRdnValue(person: DemoPerson): string;
  personDn(person: DemoPerson): string;
  teamDn(teamId: string): string;
  serviceAccountDn(name?: string): string;
  emptyGroupPlaceholderDn: string;
}

/** The DN builder shared by the LDIF and catalog generators. */
export function ldapLayout(options: LdapLayoutOptions = {}): LdapLayout {
  const baseDn = (options.baseDn ?? DEFAULT_BASE_DN).trim();
  const baseRdn = parseFirstRdn(baseDn);
  const personRdnAttribute = options.personRdnAttribute ?? 'uid';
  const peopleDn = `ou=people,${baseDn}`;
  const groupsDn = `ou=groups,${baseDn}`;
  const servicesDn = `ou=services,${baseDn}`;
  const personRdnValue = (person: DemoPerson) =>
    personRdnAttribute === 'uid' ? person.ldap.uid : person.displayName;

  return {
    baseDn,
    baseRdn,
    peopleDn,
    groupsDn,
    servicesDn,
    personRdnAttribute,
    personRdnValue,
    personDn: person =>
      `${personRdnAttribute}=${escapeDnValue(
        personRdnValue(person),
      )},${peopleDn}`,
    teamDn: teamId => `cn=${escapeDnValue(teamId)},${groupsDn}`,
    serviceAccountDn: (name = DEFAULT_SERVICE_ACCOUNT_NAME) =>
      `cn=${escapeDnValue(name)},${servicesDn}`,
    emptyGroupPlaceholderDn: `cn=${EMPTY_GROUP_PLACEHOLDER_NAME},${servicesDn}`,
  };
}

/**
 * Throws if two people would get the same DN, which can only happen when
 * people are named by `cn` (LDAP compares cn values case-insensitively).
 */
export function assertUniquePersonDns(org: DemoOrg, layout: LdapLayout) {
  const owners = new Map<string, string>();
  for (const person of org.people) {
    const key = layout.personDn(person).toLowerCase();
    const owner = owners.get(key);
    if (owner !== undefined) {
      throw new InputError(
        `person "${
          person.id
        }" would get the same DN as person "${owner}": ${layout.personDn(
          person,
        )} (${layout.personRdnAttribute} values must be unique)`,
      );
    }
    owners.set(key, person.id);
  }
}

/** Splits `attr=value,...` and unescapes the first RDN's value (RFC 4514). */
function parseFirstRdn(dn: string): { attribute: string; value: string } {
  const match =
    /^([A-Za-z][A-Za-z0-9-]*)=((?:\\[0-9A-Fa-f]{2}|\\.|[^,+\\])+)(?:,|$)/.exec(
      dn,
    );
  if (!match) {
    throw new InputError(
      `base DN "${dn}" must start with an RDN like "dc=example"`,
    );
  }
  const value = match[2].replace(
    /((?:\\[0-9A-Fa-f]{2})+)|\\(.)/gu,
    (_escape, hexPairs: string | undefined, char: string | undefined) =>
      hexPairs
        ? Buffer.from(hexPairs.replace(/\\/g, ''), 'hex').toString('utf8')
        : char ?? '',
  );
  return {
    attribute: match[1].toLowerCase(),
    value,
  };
}
