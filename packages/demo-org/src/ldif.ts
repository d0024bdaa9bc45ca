import { InputError } from '@backstage/errors';
import { createOrgGraph } from './orgGraph';
import {
  DEFAULT_SERVICE_ACCOUNT_NAME,
  EMPTY_GROUP_PLACEHOLDER_NAME,
  LdapLayout,
  LdapLayoutOptions,
  assertUniquePersonDns,
  ldapLayout,
} from './ldap/layout';
import { LdifAttribute, ldifEntry } from './ldap/ldifLines';
import { SaltSource, sshaHash } from './ldap/ssha';
import { DemoOrg, DemoPerson, DemoTeam } from './model';
import { validateDemoOrg } from './validate';

/** How userPassword values are written. */
export type PasswordStorage =
  | { scheme: 'plaintext' }
  /** `{SSHA}`; pass `salt` (e.g. seededSalt('x')) for reproducible output. */
  | { scheme: 'ssha'; salt?: SaltSource };

/** The account the portal binds as to search the directory. */
export interface ServiceAccountOptions {
  /** `cn` of the account; defaults to `portal-reader`. */
  name?: string;
  password: string;
}

export interface LdifOptions extends LdapLayoutOptions {
  /** Adds `cn=<name>,ou=services,<baseDn>` with this password. */
  serviceAccount?: ServiceAccountOptions;
  /** Defaults to plain text, which is fine for the demo only. */
  passwords?: PasswordStorage;
}

/** Value of `employeeType` on people who must not be able to sign in. */
export const DISABLED_EMPLOYEE_TYPE = 'disabled';

/**
 * Renders the organisation as LDIF (RFC 2849) for `ldapadd`/`slapadd`.
 *
 * Entries come in dependency order: base, `ou=people`, `ou=groups`,
 * `ou=services`, service accounts, people, then groups with every child group
 * before its parent, so each DN a `member` value names is already defined.
 */
export function toLdif(org: DemoOrg, options: LdifOptions = {}): string {
  validateDemoOrg(org);
  const layout = ldapLayout(options);
  assertUniquePersonDns(org, layout);
  const graph = createOrgGraph(org);
  const storePassword = passwordWriter(options.passwords);

  const entries: string[] = [
    baseEntry(org, layout),
    organizationalUnit(layout.peopleDn, 'people', 'People of the company'),
    organizationalUnit(layout.groupsDn, 'groups', 'Teams, nested via member'),
    organizationalUnit(
      layout.servicesDn,
      'services',
      'Accounts used by applications',
    ),
  ];

  if (options.serviceAccount) {
    if (options.serviceAccount.password === '') {
      throw new InputError('service account password must not be empty');
    }
    const name = options.serviceAccount.name ?? DEFAULT_SERVICE_ACCOUNT_NAME;
    const dn = layout.serviceAccountDn(name);
    entries.push(
      ldifEntry(dn, [
        ['objectClass', 'top', 'organizationalRole', 'simpleSecurityObject'],
        ['cn', name],
        ['description', 'Service account the developer portal binds as'],
        ['userPassword', storePassword(options.serviceAccount.password, dn)],
      ]),
    );
  }

  const teamsChildrenFirst = graph.teamsChildrenFirst();
  const hasEmptyTeam = teamsChildrenFirst.some(
    team =>
      graph.directMembers(team.id).length === 0 &&
      graph.childTeams(team.id).length === 0,
  );
  if (hasEmptyTeam) {
    entries.push(
      ldifEntry(layout.emptyGroupPlaceholderDn, [
        ['objectClass', 'top', 'organizationalRole'],
        ['cn', EMPTY_GROUP_PLACEHOLDER_NAME],
        ['description', 'Placeholder member of groups that have no members'],
      ]),
    );
  }

  for (const person of org.people) {
    entries.push(personEntry(person, layout, storePassword));
  }
  for (const team of teamsChildrenFirst) {
    const members = [
      ...graph.directMembers(team.id).map(person => layout.personDn(person)),
      ...graph.childTeams(team.id).map(child => layout.teamDn(child.id)),
    ];
    entries.push(teamEntry(team, members, layout));
  }

  return `version: 1\n\n${entries.join('\n\n')}\n`;
}

function baseEntry(org: DemoOrg, layout: LdapLayout): string {
  const { attribute, value } = layout.baseRdn;
  switch (attribute) {
    case 'dc':
      return ldifEntry(layout.baseDn, [
        ['objectClass', 'top', 'dcObject', 'organization'],
        ['dc', value],
        ['o', org.company.name],
      ]);
    case 'o':
      return ldifEntry(layout.baseDn, [
        ['objectClass', 'top', 'organization'],
        ['o', value],
        ['description', org.company.name],
      ]);
    case 'ou':
      return organizationalUnit(layout.baseDn, value, org.company.name);
    default:
      throw new InputError(
        `base DN "${layout.baseDn}" must start with dc=, o= or ou=`,
      );
  }
}

function organizationalUnit(dn: string, ou: string, description: string) {
  return ldifEntry(dn, [
    ['objectClass', 'top', 'organizationalUnit'],
    ['ou', ou],
    ['description', description],
  ]);
}

function personEntry(
  person: DemoPerson,
  layout: LdapLayout,
  storePassword: (password: string, dn: string) => string,
): string {
  const dn = layout.personDn(person);
  const attributes: LdifAttribute[] = [
    ['objectClass', 'top', 'person', 'organizationalPerson', 'inetOrgPerson'],
    ['uid', person.ldap.uid],
    ['cn', person.displayName],
    ['sn', person.surname],
    ['givenName', person.givenName],
    ['displayName', person.displayName],
    ['mail', person.email],
    ['employeeNumber', person.id],
    ['userPassword', storePassword(person.ldap.password, dn)],
  ];
  if (person.disabled) {
    attributes.push(['employeeType', DISABLED_EMPLOYEE_TYPE]);
  }
  // Personal portal roles (team roles are bound to the teams in the policy);
  // the demo's LDAP source maps them to the catalog role annotation.
  if (person.roles.length) {
    attributes.push(['businessCategory', ...person.roles]);
  }
  return ldifEntry(dn, attributes);
}

function teamEntry(
  team: DemoTeam,
  memberDns: string[],
  layout: LdapLayout,
): string {
  return ldifEntry(layout.teamDn(team.id), [
    ['objectClass', 'top', 'groupOfNames'],
    ['cn', team.id],
    ['description', team.description ?? team.name],
    [
      'member',
      ...(memberDns.length > 0 ? memberDns : [layout.emptyGroupPlaceholderDn]),
    ],
  ]);
}

function passwordWriter(
  storage: PasswordStorage = { scheme: 'plaintext' },
): (password: string, dn: string) => string {
  if (storage.scheme === 'plaintext') {
    return password => password;
  }
  const { salt } = storage;
  return (password, dn) => sshaHash(password, salt?.(dn));
}
