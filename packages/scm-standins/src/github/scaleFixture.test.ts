import { graphql } from '../__testUtils__/http';
import { generateGithubScaleFixture } from './scaleFixture';
import { startGithubStandin } from './server';

describe('generateGithubScaleFixture', () => {
  it('is deterministic for a seed and has the asked-for shape', () => {
    const options = {
      members: 2000,
      teams: 100,
      bigTeams: 10,
      bigTeamSize: 300,
      seed: 7,
    };
    const fixture = generateGithubScaleFixture(options);
    expect(generateGithubScaleFixture(options)).toEqual(fixture);
    expect(generateGithubScaleFixture({ ...options, seed: 8 })).not.toEqual(
      fixture,
    );
    const [org] = fixture.orgs;
    expect(org.members).toHaveLength(2000);
    expect(org.teams).toHaveLength(100);
    expect(org.teams.slice(0, 10).every(t => t.members.length === 300)).toBe(
      true,
    );
    expect(org.teams.slice(10).every(t => t.members.length <= 12)).toBe(true);
    for (const team of org.teams) {
      expect(new Set(team.members.map(m => m.login)).size).toBe(
        team.members.length,
      );
    }
  });

  it('serves 14,000 members, each exactly once over 140 pages', async () => {
    const standin = await startGithubStandin({
      fixture: generateGithubScaleFixture({ seed: 1 }),
    });
    try {
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const { body }: { body: any } = await graphql(
          standin.url,
          `
            query ($cursor: String) {
              organization(login: "example-corp") {
                membersWithRole(first: 100, after: $cursor) {
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                  nodes {
                    login
                  }
                }
              }
            }
          `,
          { cursor },
        );
        const connection = body.data.organization.membersWithRole;
        for (const node of connection.nodes) {
          expect(seen.has(node.login)).toBe(false);
          seen.add(node.login);
        }
        cursor = connection.pageInfo.hasNextPage
          ? connection.pageInfo.endCursor
          : null;
        pages += 1;
      } while (cursor);
      expect(seen.size).toBe(14_000);
      expect(pages).toBe(140);

      const { body } = await graphql(
        standin.url,
        '{ organization(login: "example-corp") { teams(first: 1) { totalCount nodes { members(first: 1) { totalCount } } } } }',
      );
      expect(body.data.organization.teams).toEqual({
        totalCount: 1000,
        nodes: [{ members: { totalCount: expect.any(Number) } }],
      });
      expect(
        body.data.organization.teams.nodes[0].members.totalCount,
      ).toBeGreaterThanOrEqual(300);
    } finally {
      await standin.stop();
    }
    // Generous: 140 pages, and the machine may be busy.
  }, 30_000);
});
