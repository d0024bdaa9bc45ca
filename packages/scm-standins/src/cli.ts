/*
 * Usage (from the repository root):
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     packages/scm-standins/src/cli.ts demo --github-port 5180 --gitlab-port 5181
 */
import { parseArgs } from 'node:util';
import { stringifyError } from '@backstage/errors';
import { loadDemoOrg } from '@internal/demo-org';
import { githubFixtureFromDemoOrg } from './github/demoFixture';
import { startGithubStandin } from './github/server';
import { gitlabFixtureFromDemoOrg } from './gitlab/demoFixture';
import { startGitlabStandin } from './gitlab/server';

const USAGE = `Usage: cli.ts demo [--github-port PORT] [--gitlab-port PORT] [--host HOST] [--latency-ms MS] [--demo-org FILE]

Serves the demo organisation on a GitHub stand-in (default port 5180) and a
GitLab stand-in (default 5181) on HOST (default 127.0.0.1), printing
"github ready <url>" and "gitlab ready <url>". Stops on SIGINT/SIGTERM.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function port(name: string, value: string | undefined, fallback: number) {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    fail(`--${name} must be a port number, got ${value}`);
  }
  return parsed;
}

async function runDemo(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'github-port': { type: 'string' },
      'gitlab-port': { type: 'string' },
      host: { type: 'string' },
      'latency-ms': { type: 'string' },
      'demo-org': { type: 'string' },
    },
  });
  const latencyMs = Number(values['latency-ms'] ?? 0);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    fail(`--latency-ms must be a number >= 0, got ${values['latency-ms']}`);
  }
  const org = loadDemoOrg(values['demo-org']);
  const common = { host: values.host ?? '127.0.0.1', latencyMs };
  const github = await startGithubStandin({
    ...common,
    port: port('github-port', values['github-port'], 5180),
    fixture: githubFixtureFromDemoOrg(org),
  });
  process.stdout.write(`github ready ${github.url}\n`);
  const gitlab = await startGitlabStandin({
    ...common,
    port: port('gitlab-port', values['gitlab-port'], 5181),
    fixture: gitlabFixtureFromDemoOrg(org),
  });
  process.stdout.write(`gitlab ready ${gitlab.url}\n`);

  const shutDown = async () => {
    await Promise.all([github.stop(), gitlab.stop()]);
    process.exit(0);
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command !== 'demo') {
    fail(USAGE);
  }
  await runDemo(args);
}

main(process.argv.slice(2)).catch(error => {
  fail(`scm stand-ins failed: ${stringifyError(error)}`);
});
