/*
 * The LDAP sign-in benchmark. From the repository root:
 *
 *   yarn bench:ldap-login [--people 20000 --sequential 500 --concurrency 8 --seconds 15 --out FILE]
 *
 * Seeds slapd with a generated org (SSHA passwords), starts the real auth
 * plugin with the LDAP module, and measures login → Backstage token over
 * HTTP: latency of sequential logins, then sustained logins/s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { startBenchBackend } from './backend';
import { seedDirectory, SERVICE_PASSWORD } from './seed';
import { summarise } from './stats';

interface Options {
  people: number;
  groups: number;
  sequential: number;
  concurrency: number;
  seconds: number;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    people: 20_000,
    groups: 2_000,
    sequential: 500,
    concurrency: 8,
    seconds: 15,
    out: 'test-results/bench/ldap-login.json',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '') as keyof Options;
    const value = argv[i + 1];
    if (!(key in options) || value === undefined) {
      throw new Error(`Unknown or incomplete option ${argv[i]}`);
    }
    (options as any)[key] = key === 'out' ? value : Number(value);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`seeding slapd with ${options.people} people …`);
  const directory = await seedDirectory({
    people: options.people,
    groups: options.groups,
    seed: 42,
  });
  log(
    `seeded in ${(directory.timings.loadMs / 1000).toFixed(1)} s; ${
      directory.people.length
    } enabled people`,
  );
  const backend = await startBenchBackend({
    entities: directory.entities,
    env: {
      vendor: 'openldap',
      url: directory.slapd.url,
      bind: { dn: directory.bindDn, password: SERVICE_PASSWORD },
      users: {
        baseDn: directory.peopleDn,
        filter: '(&(objectClass=inetOrgPerson)(uid={username}))',
        disabledFilter: '(employeeType=disabled)',
      },
      throttle: { perUsername: 1000, perAddress: 1_000_000 },
    },
  });
  let next = 0;
  const pick = () => {
    // a spread of people over the whole directory
    next = (next + 7919) % directory.people.length;
    return directory.people[next];
  };
  const errors: Record<string, number> = {};
  async function loginOnce(): Promise<number> {
    const person = pick();
    const started = performance.now();
    const res = await fetch(backend.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Requested-With': 'XMLHttpRequest',
      },
      body: JSON.stringify({
        username: person.ldap.uid,
        password: person.ldap.password,
      }),
    });
    const body = await res.json();
    const elapsed = performance.now() - started;
    if (res.status !== 200 || !body.backstageIdentity?.token) {
      const key = `${res.status} ${body.error?.message ?? ''}`.trim();
      errors[key] = (errors[key] ?? 0) + 1;
    }
    return elapsed;
  }

  try {
    for (let i = 0; i < 30; i++) await loginOnce(); // warm-up
    for (const key of Object.keys(errors)) delete errors[key];

    log(`${options.sequential} sequential logins …`);
    const latencies: number[] = [];
    for (let i = 0; i < options.sequential; i++) {
      latencies.push(await loginOnce());
    }
    const latency = summarise(latencies);

    log(
      `sustained: ${options.concurrency} concurrent clients for ${options.seconds} s …`,
    );
    const deadline = performance.now() + options.seconds * 1000;
    const loadLatencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < deadline) {
          loadLatencies.push(await loginOnce());
        }
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    const load = summarise(loadLatencies);
    const loginsPerSecond = loadLatencies.length / elapsedS;
    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);

    const result = {
      date: new Date().toISOString(),
      node: process.version,
      people: options.people,
      enabledPeople: directory.people.length,
      passwordStorage: 'ssha',
      sequential: { ...latency },
      sustained: {
        concurrency: options.concurrency,
        seconds: Number(elapsedS.toFixed(2)),
        logins: loadLatencies.length,
        loginsPerSecond: Number(loginsPerSecond.toFixed(1)),
        ...load,
      },
      errors,
      targets: {
        p50Ms: 30,
        loginsPerSecond: 50,
        met: latency.p50 <= 30 && loginsPerSecond >= 50 && errorCount === 0,
      },
      seedTimingsMs: directory.timings,
    };
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const rows = [
      ['measure', 'value', 'target'],
      ['people in directory', String(options.people), ''],
      ['sequential logins', String(latency.count), ''],
      ['p50 latency', fmt(latency.p50), '≤ 30 ms'],
      ['p90 latency', fmt(latency.p90), ''],
      ['p99 latency', fmt(latency.p99), ''],
      [
        `sustained logins/s (${options.concurrency} clients)`,
        loginsPerSecond.toFixed(1),
        '≥ 50',
      ],
      ['p50 / p99 under load', `${fmt(load.p50)} / ${fmt(load.p99)}`, ''],
      ['errors', String(errorCount), '0'],
      ['targets met', result.targets.met ? 'yes' : 'NO', ''],
    ];
    const widths = rows[0].map((_, c) =>
      Math.max(...rows.map(row => row[c].length)),
    );
    for (const [index, row] of rows.entries()) {
      process.stdout.write(
        `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |\n`,
      );
      if (index === 0) {
        process.stdout.write(
          `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |\n`,
        );
      }
    }
    const out = resolve(process.cwd(), options.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    log(`written ${out}`);
    return result.targets.met ? 0 : 1;
  } finally {
    await directory.slapd.stop();
    // The test backend's stop can wait minutes for idle keep-alive sockets
    // and scheduled tasks; the process exits right after anyway.
    await Promise.race([
      backend.stop(),
      new Promise(done => setTimeout(done, 5000).unref()),
    ]);
  }
}

main().then(
  code => {
    process.exit(code);
  },
  error => {
    process.stderr.write(
      `ldap login benchmark failed: ${(error as Error)?.stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
