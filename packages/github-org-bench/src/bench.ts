import {
  generateGithubScaleFixture,
  startGithubStandin,
} from '@internal/scm-standins';
import { BenchArgs, FULL, orgAt } from './args';
import { oursRequests, upstreamRequests, OrgShape } from './costModel';
import { runOurs } from './ours';
import type { BenchReport, ContenderResult, FullSizeFigure } from './report';
import { runUpstream } from './upstream';

async function onStandin<T>(
  org: OrgShape,
  latencyMs: number,
  run: (standin: Awaited<ReturnType<typeof startGithubStandin>>) => Promise<T>,
): Promise<T> {
  const standin = await startGithubStandin({
    fixture: generateGithubScaleFixture({ ...org, seed: 1 }),
    latencyMs,
  });
  try {
    return await run(standin);
  } finally {
    await standin.stop();
  }
}

/**
 * The figure at full size: the run itself when it was at full size, else
 * its requests scaled by the cost model and its wall time by its measured
 * cost per request.
 */
function fullSize(
  run: ContenderResult,
  scale: number,
  model: (org: OrgShape) => number,
): FullSizeFigure {
  if (scale === 1) {
    return {
      requests: run.requests,
      wallS: run.wallMs / 1000,
      basis: 'measured',
    };
  }
  const requests = model(FULL);
  const perRequestMs = run.wallMs / run.requests;
  return {
    requests,
    wallS: (requests * perRequestMs) / 1000,
    basis: 'extrapolated',
    note: `ran at scale ${scale} (${run.requests} requests, ${(
      run.wallMs / 1000
    ).toFixed(1)} s, ${perRequestMs.toFixed(
      0,
    )} ms per request; model predicted ${model(
      orgAt(scale),
    )} requests there); full size = cost-model requests x measured ms per request`,
  };
}

export async function runBench(
  args: BenchArgs,
  progress: (line: string) => void,
): Promise<BenchReport> {
  const runs: BenchReport['runs'] = [];
  const oursOrg = orgAt(args.scale);
  progress(`ours: ${oursOrg.members} members, ${oursOrg.teams} teams ...`);
  const ours = await onStandin(oursOrg, args.latencyMs, runOurs);
  runs.push({ ...ours, org: oursOrg, scale: args.scale });
  progress(
    `ours: ${ours.requests} requests, ${(ours.wallMs / 1000).toFixed(1)} s`,
  );

  let upstream: ContenderResult | undefined;
  if (!args.skipUpstream) {
    const upstreamOrg = orgAt(args.upstreamScale);
    progress(
      `upstream: ${upstreamOrg.members} members, ${
        upstreamOrg.teams
      } teams (it sleeps 1 s per page; about ${upstreamRequests(
        upstreamOrg,
      )} pages) ...`,
    );
    upstream = await onStandin(upstreamOrg, args.latencyMs, runUpstream);
    runs.push({ ...upstream, org: upstreamOrg, scale: args.upstreamScale });
    progress(
      `upstream: ${upstream.requests} requests, ${(
        upstream.wallMs / 1000
      ).toFixed(1)} s`,
    );
  }

  const oursFull = fullSize(ours, args.scale, o => oursRequests(o));
  const upstreamFull = upstream
    ? fullSize(upstream, args.upstreamScale, upstreamRequests)
    : undefined;
  const ratios = upstreamFull && {
    requests: oursFull.requests / upstreamFull.requests,
    wallTime: oursFull.wallS / upstreamFull.wallS,
  };
  return {
    date: new Date().toISOString(),
    latencyMs: args.latencyMs,
    full: { ...FULL },
    runs,
    fullSize: { ours: oursFull, upstream: upstreamFull },
    ratios,
    targets: {
      requests: '<= 1/3',
      wallTime: '<= 1/10',
      met: ratios && ratios.requests <= 1 / 3 && ratios.wallTime <= 1 / 10,
    },
  };
}
