import { loadDemoOrg } from '@internal/demo-org';
import {
  gitlabFixtureFromDemoOrg,
  RunningStandin,
  startGitlabStandin,
} from '@internal/scm-standins';
import type { Knex } from 'knex';
import {
  createTestKnex,
  entityOf,
  type SingleSourceTestBackend,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import {
  commitDemo,
  createRecorder,
  demoGroupName,
  demoGroupPath,
  Recorder,
  ROOT_GROUP,
  startEngine,
} from './faults/__testUtils__/engineHarness';

describe('the GitLab source against the GitLab stand-in, through the org sync engine', () => {
  const org = loadDemoOrg();
  let standin: RunningStandin;
  let knex: Knex;
  let recorder: Recorder;
  let backend: SingleSourceTestBackend | undefined;

  beforeAll(async () => {
    standin = await startGitlabStandin({
      fixture: gitlabFixtureFromDemoOrg(org),
      port: 0,
    });
    knex = createTestKnex();
    recorder = createRecorder();
    backend = await startEngine({
      knex,
      recorder,
      standinUrl: standin.url,
      realModule: true,
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await knex?.destroy();
    await standin?.stop();
  });

  it('commits the demo group tree with its members', async () => {
    await commitDemo(backend!, recorder);
    const mutation = recorder.mutations.at(-1);

    const person = org.people.find(
      p => p.gitlab && !p.disabled && p.teams.length > 1,
    )!;
    const user = entityOf(mutation, `user:default/${person.gitlab!.username}`);
    expect(user?.metadata.annotations).toMatchObject({
      '127.0.0.1/user-id': String(person.gitlab!.id),
      '127.0.0.1/user-login': person.gitlab!.username,
    });
    expect(user?.spec?.profile).toMatchObject({
      displayName: person.displayName,
      email: person.email,
    });
    expect([...(user?.spec?.memberOf as string[])].sort()).toEqual(
      person.teams.map(t => `group:default/${demoGroupName(t)}`).sort(),
    );

    // The root group is a Group; teams hang below it by their GitLab parent.
    const root = entityOf(mutation, `group:default/${ROOT_GROUP}`);
    expect(root?.metadata.annotations?.['127.0.0.1/group-path']).toBe(
      ROOT_GROUP,
    );
    for (const team of org.teams) {
      const group = entityOf(
        mutation,
        `group:default/${demoGroupName(team.id)}`,
      );
      expect(group?.metadata.annotations?.['127.0.0.1/group-path']).toBe(
        demoGroupPath(team.id),
      );
      expect(group?.spec?.parent).toBe(
        `group:default/${
          team.parent ? demoGroupName(team.parent) : ROOT_GROUP
        }`,
      );
      expect(group?.spec?.profile).toMatchObject({ displayName: team.name });
    }

    // Blocked (disabled) people and the outsider in no group are not users.
    for (const person2 of org.people.filter(p => p.gitlab && p.disabled)) {
      expect(
        entityOf(mutation, `user:default/${person2.gitlab!.username}`),
      ).toBeUndefined();
    }
    expect(entityOf(mutation, 'user:default/outsider')).toBeUndefined();
    // Only group and member lists were read, never /users.
    expect(
      standin.requests.list().filter(r => r.path.startsWith('/api/v4/users')),
    ).toEqual([]);
  });
});
