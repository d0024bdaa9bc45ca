/**
 * Test utilities for the SCM sign-in modules: the real auth backend over an
 * in-memory catalog, the OAuth popup flow over HTTP, a fake resolver
 * context, a recording logger and the demo organisation as catalog entities.
 *
 * @packageDocumentation
 */

export {
  APP_URL,
  authBackendStarter,
  startAuthBackend,
} from './testUtils/authBackend';
export { catalogUser } from './testUtils/catalogUser';
export { demoCatalog } from './testUtils/demoCatalog';
export type { DemoOrgPeople } from './testUtils/demoCatalog';
export { fakeResolverContext } from './testUtils/fakeResolverContext';
export {
  consentAs,
  cookiesOf,
  finishSignIn,
  signInWithCode,
  signInWithConsent,
  startSignIn,
} from './testUtils/oauthFlow';
export type { WebMessage } from './testUtils/oauthFlow';
export {
  recordingLogger,
  recordingRootLogger,
} from './testUtils/recordingLogger';
export { runForSuite } from './testUtils/runForSuite';
