import { getOperationAST, parse } from 'graphql';
import { analyseQuery } from './analyse';
import { githubSchema } from './schema';

function analyse(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return analyseQuery(
    githubSchema(),
    document,
    getOperationAST(document)!,
    variables,
  );
}

describe('analyseQuery', () => {
  it('computes GitHub’s node count and cost for nested connections', () => {
    const result = analyse(
      `query($teams: Int!) { organization(login: "o") {
        teams(first: $teams) { nodes { members(first: 50) { nodes { login } } } }
      } }`,
      { teams: 25 },
    );
    // 25 teams + 25 × 50 members; 1 + 25 connection requests → cost 1.
    expect(result.nodeCount).toBe(25 + 25 * 50);
    expect(result.cost).toBe(1);
    expect(result.largestPage).toBe(50);
    expect(result.errors).toEqual([]);
  });

  it('charges one point per hundred connection requests', () => {
    const result = analyse(`{ organization(login: "o") {
      teams(first: 100) { nodes {
        members(first: 100) { nodes { login } }
        childTeams(first: 100) { nodes { slug } }
      } }
    } }`);
    expect(result.cost).toBe(2);
    expect(result.nodeCount).toBe(100 + 100 * 100 * 2);
  });

  it('follows fragments and variable defaults', () => {
    const result = analyse(`
      query($n: Int = 101) { organization(login: "o") { ...Members } }
      fragment Members on Organization { membersWithRole(first: $n) { totalCount } }
    `);
    expect(result.errors).toEqual([
      expect.objectContaining({
        type: 'EXCESSIVE_PAGINATION',
        path: ['organization', 'membersWithRole'],
      }),
    ]);
  });

  it('refuses queries above 500,000 nodes', () => {
    const result = analyse(`{ organization(login: "o") {
      teams(first: 100) { nodes { childTeams(first: 100) { nodes {
        members(first: 100) { nodes { login } } } } } }
    } }`);
    expect(result.errors[0].type).toBe('MAX_NODE_LIMIT_EXCEEDED');
  });
});
