/**
 * Sign-in logic shared by the portal's SCM auth modules (GitHub, GitLab):
 * the resolver chain and its single warn line, the stable-id and
 * verified-email resolvers, catalog user lookup, the OAuth provider factory
 * and module, and config reading.
 *
 * @packageDocumentation
 */

export {
  DEFAULT_SCM_RESOLVERS,
  httpUrlSchema,
  readScmAuthConfig,
  scmAuthConfigSchema,
} from './config/readScmAuthConfig';
export type { ResolverSetting } from './config/readScmAuthConfig';
export { configKey, formatConfigIssue } from './config/formatConfigIssue';
export { describeAccount } from './provider/ScmProviderInfo';
export type { ScmProviderInfo } from './provider/ScmProviderInfo';
export { createScmProviderFactory } from './provider/createScmProviderFactory';
export type {
  ScmProvider,
  ScmProviderDeps,
} from './provider/createScmProviderFactory';
export { createScmProviderModule } from './provider/createScmProviderModule';
export { createScmSignInResolverFactories } from './resolvers/scmSignInResolvers';
export type { ScmSignInResolverFactories } from './resolvers/scmSignInResolvers';
export { createUserIdAnnotationResolverFactory } from './resolvers/userIdAnnotationResolver';
export { createVerifiedEmailResolverFactory } from './resolvers/verifiedEmailResolver';
export type { CatalogUserDeps, UserFilter } from './signIn/catalogUsers';
export {
  findUsers,
  signInAs,
  signInWithoutCatalogUser,
} from './signIn/catalogUsers';
export {
  createSignInChain,
  noMatchMessage,
  unavailableMessage,
} from './signIn/signInChain';
export type { NamedSignInResolver } from './signIn/signInChain';
export {
  describeDomains,
  describeQuery,
  emailDomain,
  SignInTrace,
  traceOf,
  tracingContext,
} from './signIn/SignInTrace';
export type { ResolverRun } from './signIn/SignInTrace';
export { signInByVerifiedEmails } from './signIn/verifiedEmailSignIn';
