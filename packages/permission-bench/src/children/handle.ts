/*
 * (a) Our policy in process: GroupPolicy.handle() over an OrgGraph built
 * from the synthetic entities, as the permission backend calls it. Timed:
 * the graph build, the first decision of each "cold" user (group
 * resolution and role matching), and each call of a warm series. Started by
 * the benchmark with its parameters in the environment.
 */
import { readFileSync } from 'node:fs';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  GroupPolicy,
  OrgGraph,
  PolicyEngine,
  readGroupPolicyConfig,
} from '@identity-portal/plugin-permission-backend-module-group-policy';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { summarizeLatencies } from '../stats';
import type { DecisionPair } from '../workload';
import {
  announce,
  errorText,
  HandleChildParams,
  readParams,
  RESULT_PREFIX,
} from './protocol';

function userOf(ref: string): PolicyQueryUser {
  return {
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: ref },
    },
    info: { userEntityRef: ref, ownershipEntityRefs: [ref] },
  } as PolicyQueryUser;
}

async function main() {
  const params = readParams<HandleChildParams>();
  const entities = JSON.parse(
    readFileSync(params.files.entities, 'utf8'),
  ) as Entity[];
  const policyDocument = JSON.parse(readFileSync(params.files.policy, 'utf8'));
  const pairs = JSON.parse(readFileSync(params.pairs, 'utf8')) as {
    warm: DecisionPair[];
    cold: DecisionPair[];
    verify: DecisionPair[];
  };

  const config = readGroupPolicyConfig(
    new ConfigReader({
      permission: { enabled: true, groupPolicy: policyDocument },
    }),
  );
  const graphStart = performance.now();
  const graph = OrgGraph.fromEntities(entities);
  const graphBuildMs = performance.now() - graphStart;
  const engine = new PolicyEngine(config);
  const policy = new GroupPolicy({ engine, graph: async () => ({ graph }) });

  // Cold: the first decision for a user the policy has not seen.
  const coldMs: number[] = [];
  for (const pair of pairs.cold) {
    const user = userOf(pair.user);
    const start = performance.now();
    await policy.handle({ permission: pair.permission as any }, user);
    coldMs.push(performance.now() - start);
  }

  // Warm: every user resolved once (untimed), then the timed series.
  const users = new Map(pairs.warm.map(p => [p.user, userOf(p.user)]));
  for (const pair of pairs.warm) {
    await policy.handle(
      { permission: pair.permission as any },
      users.get(pair.user),
    );
  }
  const warmMs: number[] = new Array(pairs.warm.length);
  const results: Record<string, number> = {};
  const seriesStart = performance.now();
  for (let i = 0; i < pairs.warm.length; i++) {
    const pair = pairs.warm[i];
    const start = performance.now();
    const decision = await policy.handle(
      { permission: pair.permission as any },
      users.get(pair.user),
    );
    warmMs[i] = performance.now() - start;
    results[decision.result] = (results[decision.result] ?? 0) + 1;
  }
  const seriesMs = performance.now() - seriesStart;

  const verify: string[] = [];
  for (const pair of pairs.verify) {
    const decision = await policy.handle(
      { permission: pair.permission as any },
      userOf(pair.user),
    );
    verify.push(decision.result);
  }

  await announce(RESULT_PREFIX, {
    ok: true,
    graphBuildMs,
    graph: { users: graph.users.size, groups: graph.groups.size },
    cold: summarizeLatencies(coldMs),
    warm: summarizeLatencies(warmMs),
    warmDecisionsPerS: pairs.warm.length / (seriesMs / 1000),
    results,
    verify,
    heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024,
  });
}

main().then(
  () => process.exit(0),
  async error => {
    await announce(RESULT_PREFIX, { ok: false, error: errorText(error) });
    process.exit(1);
  },
);
