import { GroupEntity, UserEntity } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import {
  LdapLayoutOptions,
  assertUniquePersonDns,
  ldapLayout,
} from './ldap/layout';
import { DemoOrg } from './model';
import { validateDemoOrg } from './validate';

/** The DN of the entry the entity was generated from (same as the LDIF). */
export const ANNOTATION_LDAP_DN = 'backstage.io/ldap-dn';
/** The RDN value of that entry (uid or cn). */
export const ANNOTATION_LDAP_RDN = 'backstage.io/ldap-rdn';
export const ANNOTATION_GITHUB_USER_LOGIN = 'github.com/user-login';
export const ANNOTATION_GITHUB_USER_ID = 'github.com/user-id';

/**
 * Backstage Group entities for every team (type `team`) and User entities
 * for every person who is not disabled, groups first. Names are the ids of
 * the fixture; `backstage.io/ldap-dn` matches the DN toLdif writes for the
 * same layout options.
 */
export function toCatalogEntities(
  org: DemoOrg,
  options: LdapLayoutOptions = {},
): Array<GroupEntity | UserEntity> {
  validateDemoOrg(org);
  const layout = ldapLayout(options);
  assertUniquePersonDns(org, layout);

  const groups = org.teams.map(
    (team): GroupEntity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: team.id,
        ...(team.description !== undefined && {
          description: team.description,
        }),
        annotations: {
          [ANNOTATION_LDAP_DN]: layout.teamDn(team.id),
          [ANNOTATION_LDAP_RDN]: team.id,
        },
      },
      spec: {
        type: 'team',
        profile: { displayName: team.name },
        ...(team.parent !== undefined && { parent: team.parent }),
        children: [],
      },
    }),
  );

  const users = org.people
    .filter(person => !person.disabled)
    .map(
      (person): UserEntity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: {
          name: person.id,
          annotations: {
            [ANNOTATION_LDAP_DN]: layout.personDn(person),
            [ANNOTATION_LDAP_RDN]: layout.personRdnValue(person),
            ...(person.github && {
              [ANNOTATION_GITHUB_USER_LOGIN]: person.github.login,
              [ANNOTATION_GITHUB_USER_ID]: String(person.github.id),
            }),
          },
        },
        spec: {
          profile: {
            displayName: person.displayName,
            email: person.email,
          },
          memberOf: [...person.teams],
        },
      }),
    );

  return [...groups, ...users];
}

/** toCatalogEntities as one multi-document YAML string (a catalog file). */
export function toCatalogYaml(
  org: DemoOrg,
  options: LdapLayoutOptions = {},
): string {
  return toCatalogEntities(org, options)
    .map(entity => `---\n${stringify(entity, { lineWidth: 0 })}`)
    .join('');
}
