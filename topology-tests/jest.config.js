// Topology tests: two portal backend replicas on a real PostgreSQL (TLS) and Redis, with the demo
// directory, all on loopback (packages/topology-harness). Each file starts its own topology; files run
// one after the other (the machine has 2 cores and each replica is a full backend).
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.topology.ts'],
  testEnvironment: 'node',
  transform: {
    '\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' } } }],
  },
  testTimeout: 120_000,
  maxWorkers: 1,
};
