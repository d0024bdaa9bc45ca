/** An org's shape, as the cost models need it. */
export type OrgShape = {
  members: number;
  teams: number;
  bigTeams: number;
  bigTeamSize: number;
};

/**
 * Requests of one upstream run (`GithubMultiOrgEntityProvider`, default page
 * sizes: members 50, teams 25, team members 50): the member pages, the team
 * pages, and for every team with more members than the inline page a
 * separate walk of all its members from the first page.
 */
export function upstreamRequests(org: OrgShape): number {
  const members = Math.ceil(org.members / 50);
  const teams = Math.ceil(org.teams / 25);
  const bigTeamWalks =
    org.bigTeamSize > 50 ? org.bigTeams * Math.ceil(org.bigTeamSize / 50) : 0;
  return members + teams + bigTeamWalks;
}

/**
 * Requests of one run of our source with its defaults (members 100, teams
 * 50 with 100 members inline, further member pages of 10 teams per
 * request): member pages + team pages + one request per 10 big teams for
 * each further page.
 */
export function oursRequests(org: OrgShape, batch = 10): number {
  const members = Math.ceil(org.members / 100);
  const teams = Math.ceil(org.teams / 50);
  const furtherPages = Math.max(0, Math.ceil(org.bigTeamSize / 100) - 1);
  return members + teams + furtherPages * Math.ceil(org.bigTeams / batch);
}
