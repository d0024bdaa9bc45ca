import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  generateGitlabScaleFixture,
  startGitlabStandin,
} from '@internal/scm-standins';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './args';
import type { OursResult } from './children/protocol';
import { walkList, WalkResult } from './offsetWalk';
import { formatTable, oursRow, walkRow } from './report';
import { runOursChild } from './runChild';

const PACKAGE_DIR = resolvePackagePath('@internal/gitlab-org-bench');
const REPO_ROOT = path.resolve(PACKAGE_DIR, '../..');
const TOKEN = 'demo-gitlab-token';
/** The root group of the generated fixture. */
const ROOT_GROUP = 'example-corp';

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Runs the scale run; resolves to the process exit code. */
export async function runBench(options: BenchOptions): Promise<number> {
  log(
    `Generating a GitLab org of ${options.users} users and ${options.groups} groups (seed ${options.seed}) …`,
  );
  const fixture = generateGitlabScaleFixture({
    users: options.users,
    groups: options.groups,
    seed: options.seed,
  });
  const standin = await startGitlabStandin({
    fixture,
    port: 0,
    latencyMs: options.latencyMs,
  });
  log(
    `GitLab stand-in at ${standin.url} (latency ${options.latencyMs} ms per request)`,
  );
  try {
    const apiBaseUrl = `${standin.url}/api/v4`;

    log('ours: org sync engine + GitLab source, one full sync …');
    standin.requests.reset();
    const ours: OursResult = await runOursChild({
      file: path.join(PACKAGE_DIR, 'src/children/ours.ts'),
      cwd: REPO_ROOT,
      params: {
        standinUrl: standin.url,
        token: TOKEN,
        group: ROOT_GROUP,
        concurrency: options.concurrency,
      },
      timeoutMs: 30 * 60_000,
    });
    const oursRequests = standin.requests.count();
    const oursStatuses = countStatuses(standin.requests.list());

    const walks: Array<{ label: string; walk: WalkResult }> = [];
    for (const [label, listPath, mode] of [
      [
        'upstream approach: offset walk of /users (self-managed default)',
        '/users',
        'offset',
      ],
      ['keyset walk of /users (for contrast)', '/users', 'keyset'],
    ] as const) {
      log(`${label} …`);
      walks.push({
        label,
        walk: await walkList({
          apiBaseUrl,
          path: listPath,
          token: TOKEN,
          mode,
        }),
      });
    }

    const table = formatTable([
      oursRow(ours, oursRequests, options.concurrency),
      ...walks.map(({ label, walk }) => walkRow(walk, label)),
    ]);
    process.stdout.write(
      `\nGitLab org scale run: ${options.users} users, ${
        options.groups
      } groups, latency ${options.latencyMs} ms, ${
        os.cpus().length
      } CPUs, Node ${process.version}\n\n${table}\n\n`,
    );
    for (const { label, walk } of walks) {
      if (walk.stoppedAt) {
        process.stdout.write(
          `${label}: ${walk.stoppedAt.status} ${walk.stoppedAt.message}\n`,
        );
      }
    }

    const out = path.resolve(REPO_ROOT, options.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      `${JSON.stringify(
        {
          benchmark: 'gitlab-org',
          at: new Date().toISOString(),
          environment: {
            node: process.version,
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model,
            totalMemMB: Math.round(os.totalmem() / 2 ** 20),
          },
          options,
          ours: { ...ours, requests: oursRequests, statuses: oursStatuses },
          walks,
        },
        null,
        2,
      )}\n`,
    );
    process.stdout.write(`Written ${path.relative(REPO_ROOT, out)}\n`);
    const expectedUsersSeen = ours.committed?.users ?? 0;
    return ours.ok && expectedUsersSeen > 0 ? 0 : 1;
  } finally {
    await standin.stop();
  }
}

function countStatuses(
  list: Array<{ status: number }>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of list) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
