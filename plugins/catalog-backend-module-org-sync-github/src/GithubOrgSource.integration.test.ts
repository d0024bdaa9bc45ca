import {
  createRecorder,
  createTestKnex,
  entityOf,
  refsOf,
  type SingleSourceTestBackend,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import { loadDemoOrg } from '@internal/demo-org';
import type { RunningStandin } from '@internal/scm-standins';
import type { Knex } from 'knex';
import {
  DEMO,
  startDemoStandin,
  startStandinBackend,
} from './__testUtils__/standinBackend';

describe('the GitHub source against the GitHub stand-in, through the org sync engine', () => {
  let standin: RunningStandin;
  let knex: Knex;
  let backend: SingleSourceTestBackend | undefined;
  const recorder = createRecorder();

  beforeAll(async () => {
    standin = await startDemoStandin();
    knex = createTestKnex();
    backend = await startStandinBackend({
      knex,
      recorder,
      standin,
      module: 'real',
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await knex?.destroy();
    await standin?.stop();
  });

  it('commits every active org member and every team of the demo org', async () => {
    standin.requests.reset();
    const report = await backend!.refresh();
    expect(report.problems).toEqual([]);
    expect(report.outcome).toBe('committed');
    expect(report.counts.read).toEqual({
      users: DEMO.users,
      groups: DEMO.groups,
    });
    const last = recorder.mutations.at(-1);
    expect(refsOf(last)).toEqual(DEMO.refs);
    // members and teams in one page each; no team needs a further page.
    expect(
      standin.requests
        .list()
        .map(r => `${r.status} ${r.operation}`)
        .sort(),
    ).toEqual(['200 orgMembers', '200 orgTeams']);

    const org = loadDemoOrg();
    const zoe = org.people.find(p => p.github?.login === 'zoe-hoffmann')!;
    const user = entityOf(last, 'user:default/zoe-hoffmann')!;
    expect(user.metadata.annotations).toMatchObject({
      'github.com/user-login': 'zoe-hoffmann',
      'github.com/user-id': zoe.github!.nodeId,
    });
    expect(user.spec).toMatchObject({
      profile: { email: zoe.email, displayName: zoe.displayName },
    });
    const disabled = org.people.find(p => p.disabled && p.github)!;
    expect(refsOf(last)).not.toContain(
      `user:default/${disabled.github!.login}`,
    );
    expect(refsOf(last)).not.toContain('user:default/outsider-octocat');

    const child = org.teams.find(t => t.parent)!;
    const group = entityOf(last, `group:default/${child.id}`)!;
    expect(group.metadata.annotations).toMatchObject({
      'github.com/team-slug': `example-corp/${child.id}`,
    });
    expect(group.spec).toMatchObject({
      parent: `group:default/${child.parent}`,
      type: 'team',
    });
  });
});
