/**
 * GitHub and GitLab stand-in servers on loopback for tests, benchmarks and
 * the local demo.
 *
 * @packageDocumentation
 */

export type {
  FaultSettings,
  FaultSwitches,
  LoggedRequest,
  RequestLog,
  RunningStandin,
  StandinServerOptions,
} from './types';
export { startGithubStandin } from './github/server';
export type { GithubStandinOptions } from './github/server';
export * from './github/fixture';
export { githubFixtureFromDemoOrg } from './github/demoFixture';
export { generateGithubScaleFixture } from './github/scaleFixture';
export type { GithubScaleFixtureOptions } from './github/scaleFixture';
export { githubSchema } from './github/graphql/schema';
export { startGitlabStandin } from './gitlab/server';
export type { GitlabStandinOptions } from './gitlab/server';
export * from './gitlab/fixture';
export { gitlabFixtureFromDemoOrg } from './gitlab/demoFixture';
export { generateGitlabScaleFixture } from './gitlab/scaleFixture';
export type { GitlabScaleFixtureOptions } from './gitlab/scaleFixture';
