// End-to-end tests: Debian's Chromium driven by playwright-core against the portal started with the
// demo profile (scripts/start.sh). The portal is started once for the whole run (globalSetup).
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: {
    '\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' } } }],
  },
  globalSetup: '<rootDir>/support/globalSetup.ts',
  globalTeardown: '<rootDir>/support/globalTeardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};
