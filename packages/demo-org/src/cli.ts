/*
 * Entry point of the demo-org CLI. From the repository root:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     packages/demo-org/src/cli.ts <ldif|catalog|accounts> [options]
 */
import { runCli } from './cli/runCli';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
