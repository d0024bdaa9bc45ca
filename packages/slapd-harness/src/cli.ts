/*
 * Usage (from the repository root):
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     packages/slapd-harness/src/cli.ts demo --ldif FILE --port 3890 \
 *     --data-dir .demo/slapd --root-password PW [--suffix DN] [--log-level L]
 */
import { parseArgs } from 'node:util';
import { stringifyError } from '@backstage/errors';
import { DEMO_SUFFIX, startDemoDirectory } from './demoDirectory';

const USAGE = `Usage: cli.ts demo --ldif FILE --port PORT --data-dir DIR --root-password PW [--suffix DN] [--log-level LEVEL]

Starts slapd on 127.0.0.1:PORT serving the LDIF under the suffix (default ${DEMO_SUFFIX}).
The LDIF is loaded on the first start and whenever it changes; DIR keeps the database.
Stops cleanly on SIGINT/SIGTERM.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function parseDemoArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      ldif: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'root-password': { type: 'string' },
      suffix: { type: 'string' },
      'log-level': { type: 'string' },
    },
  });
  const ldifFile = values.ldif;
  const dataDir = values['data-dir'];
  const rootPassword = values['root-password'];
  const port = Number(values.port);
  if (!ldifFile || !dataDir || !rootPassword || !values.port) {
    fail(`Missing required options.\n\n${USAGE}`);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`--port must be a port number, got ${values.port}`);
  }
  return {
    ldifFile,
    dataDir,
    rootPassword,
    port,
    suffix: values.suffix,
    logLevel: values['log-level'],
  };
}

async function runDemo(args: string[]): Promise<void> {
  const options = parseDemoArgs(args);
  const instance = await startDemoDirectory({
    ...options,
    onLog: options.logLevel
      ? line => process.stderr.write(`${line}\n`)
      : undefined,
  });
  process.stdout.write(
    `ldap ready: ${instance.url} (base ${instance.suffix})\n`,
  );

  const shutDown = async () => {
    await instance.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);

  const exit = await instance.exited;
  if (!exit.stopped) {
    // A terminal Ctrl-C also reaches slapd, which then exits with 0 on its own.
    if (exit.code === 0) {
      await shutDown();
    }
    fail(
      `slapd exited unexpectedly (code ${exit.code}, signal ${exit.signal}):\n${exit.stderrTail}`,
    );
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command !== 'demo') {
    fail(USAGE);
  }
  await runDemo(args);
}

main(process.argv.slice(2)).catch(error => {
  fail(`slapd demo directory failed: ${stringifyError(error)}`);
});
