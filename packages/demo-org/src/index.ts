/**
 * The demo organisation (Example Corp) and its generators: LDIF for OpenLDAP,
 * Backstage catalog entities, and synthetic organisations at scale.
 *
 * @packageDocumentation
 */

export * from './model';
export {
  demoOrgSchema,
  parseDemoOrg,
  loadDemoOrg,
  defaultDemoOrgPath,
} from './schema';
export { validateDemoOrg, findDemoOrgProblems } from './validate';
export { githubUserNodeId } from './githubNodeId';
export { createOrgGraph } from './orgGraph';
export type { OrgGraph } from './orgGraph';
export { escapeDnValue } from './ldap/escapeDnValue';
export {
  ldapLayout,
  DEFAULT_BASE_DN,
  DEFAULT_SERVICE_ACCOUNT_NAME,
  EMPTY_GROUP_PLACEHOLDER_NAME,
} from './ldap/layout';
export type {
  LdapLayout,
  LdapLayoutOptions,
  PersonRdnAttribute,
} from './ldap/layout';
export { isSafeLdifValue, ldifLine, foldLdifLine } from './ldap/ldifLines';
export { sshaHash, verifySsha, seededSalt } from './ldap/ssha';
export type { SaltSource } from './ldap/ssha';
export { toLdif, DISABLED_EMPLOYEE_TYPE } from './ldif';
export type {
  LdifOptions,
  PasswordStorage,
  ServiceAccountOptions,
} from './ldif';
export {
  toCatalogEntities,
  toCatalogYaml,
  ANNOTATION_LDAP_DN,
  ANNOTATION_LDAP_RDN,
  ANNOTATION_GITHUB_USER_LOGIN,
  ANNOTATION_GITHUB_USER_ID,
} from './catalog';
export {
  generateOrg,
  DEFAULT_SCALE_PEOPLE,
  DEFAULT_SCALE_GROUPS,
} from './scale';
export type { GenerateOrgOptions } from './scale';
export { formatAccountsTable } from './accountsTable';
export { createPrng } from './prng';
export type { Prng } from './prng';
