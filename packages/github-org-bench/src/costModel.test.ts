import { orgAt } from './args';
import { oursRequests, upstreamRequests } from './costModel';

describe('cost models', () => {
  it('gives the request counts of the full benchmark org', () => {
    expect(upstreamRequests(orgAt(1))).toBe(280 + 40 + 600);
    expect(oursRequests(orgAt(1))).toBe(140 + 20 + 20);
  });

  it('needs no further member pages when big teams fit the inline page', () => {
    const org = { members: 500, teams: 60, bigTeams: 5, bigTeamSize: 40 };
    expect(upstreamRequests(org)).toBe(10 + 3);
    expect(oursRequests(org)).toBe(5 + 2);
  });
});
