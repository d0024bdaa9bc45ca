/*
 * The topology load test: `yarn bench:topology [--duration 60] [--users 200]`.
 * Starts the topology (PostgreSQL, Redis, the demo directory, two replicas) on loopback, runs the load,
 * prints a table and writes test-results/bench/topology.json, then stops everything.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadDemoOrg } from '@internal/demo-org';
import { waitFor } from '../childProcess';
import { authorize, ldapSignIn } from '../portalClient';
import { REPO_ROOT } from '../replica';
import { startTopology } from '../topology';
import { formatTable, loadReport } from './report';
import { runLoad } from './runLoad';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0 || value > 3600) {
    throw new Error(`--${name} must be a number between 1 and 3600`);
  }
  return value;
}

async function main() {
  const durationS = option('duration', 60);
  const users = option('users', 200);
  const accounts = loadDemoOrg()
    .people.filter(person => !person.disabled)
    .map(person => ({ uid: person.ldap.uid, password: person.ldap.password }));

  process.stdout.write(
    'starting PostgreSQL, Redis, the directory and 2 replicas…\n',
  );
  const topology = await startTopology({
    // Org sync once at start-up, then out of the way of the measurement.
    orgSync: { frequencySeconds: 3600, timeoutSeconds: 120 },
  });
  try {
    const urls = topology.replicas.map(replica => replica.url);
    // Ready: every account signs in and the policy knows the users on both replicas.
    await waitFor(
      'the demo accounts can sign in on both replicas',
      async () => {
        for (const url of urls) {
          const answer = await ldapSignIn(
            url,
            accounts[0].uid,
            accounts[0].password,
          );
          if (answer.status !== 200) return false;
          const decision = await authorize(url, answer.token!, [
            'catalog.location.create',
          ]);
          if (decision.status !== 200) return false;
        }
        return true;
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
    process.stdout.write(
      `running ${users} virtual users for ${durationS} s against ${urls.join(
        ' and ',
      )}…\n`,
    );
    const loadBefore = loadavg()[0];
    const result = await runLoad({
      urls,
      accounts,
      users,
      durationMs: durationS * 1000,
    });
    const report = loadReport(result, {
      when: new Date().toISOString(),
      machine: `${cpus().length} cores`,
      // The machine is shared: its 1-minute load average before and after the run, for context.
      loadAverage: {
        before: Math.round(loadBefore * 100) / 100,
        after: Math.round(loadavg()[0] * 100) / 100,
      },
      topology:
        '2 backend replicas (nodeTransform, production mode), PostgreSQL 15 (TLS), Redis (valkey store), slapd; all on loopback, same machine as the client',
      accounts: accounts.length,
    });
    const out = join(REPO_ROOT, 'test-results', 'bench');
    await mkdir(out, { recursive: true });
    await writeFile(
      join(out, 'topology.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    process.stdout.write(
      `\n${formatTable(report)}\n\nwrote test-results/bench/topology.json\n`,
    );
    process.exitCode = Object.keys(report.errors).length === 0 ? 0 : 1;
  } finally {
    await topology.stop();
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
