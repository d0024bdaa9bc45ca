module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // The RHDH peer is plain CommonJS with its own dependency tree.
  ignorePatterns: ['peer/'],
});
