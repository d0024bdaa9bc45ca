import { InputError } from '@backstage/errors';
import { githubUserNodeId } from './githubNodeId';
import { DemoOrg, DemoPerson } from './model';
import { UniqueValues } from './uniqueValues';

/**
 * Checks the rules that span entries: unique identifiers, existing references,
 * no parent cycles, no empty passwords, consistent GitHub node ids.
 * Runs in O(people + teams + memberships).
 *
 * @throws InputError listing every problem, each naming the offending entry
 */
export function validateDemoOrg(org: DemoOrg, source = 'demo org'): void {
  const problems = findDemoOrgProblems(org);
  if (problems.length > 0) {
    throw new InputError(`${source} is invalid:\n- ${problems.join('\n- ')}`);
  }
}

/** Like validateDemoOrg, but returns the problems instead of throwing. */
export function findDemoOrgProblems(org: DemoOrg): string[] {
  const problems: string[] = [];
  const report = (problem: string) => problems.push(problem);

  const teamIds = new Set<string>();
  const seenTeamIds = new UniqueValues('team', 'id', report);
  for (const [index, team] of org.teams.entries()) {
    seenTeamIds.claim(team.id, `team "${team.id}" (teams[${index}])`);
    teamIds.add(team.id);
  }

  const personUniques = {
    id: new UniqueValues('person', 'id', report),
    uid: new UniqueValues('person', 'ldap.uid', report),
    email: new UniqueValues('person', 'email', report),
    githubLogin: new UniqueValues('person', 'github.login', report),
    githubId: new UniqueValues('person', 'github.id', report),
    gitlabUsername: new UniqueValues('person', 'gitlab.username', report),
    gitlabId: new UniqueValues('person', 'gitlab.id', report),
  };

  for (const [index, person] of org.people.entries()) {
    const who = `person "${person.id}" (people[${index}])`;
    personUniques.id.claim(person.id, who);
    personUniques.uid.claim(person.ldap.uid.toLowerCase(), who);
    personUniques.email.claim(person.email.toLowerCase(), who);
    if (person.github) {
      personUniques.githubLogin.claim(person.github.login.toLowerCase(), who);
      personUniques.githubId.claim(String(person.github.id), who);
      const expectedNodeId = githubUserNodeId(person.github.id);
      if (person.github.nodeId !== expectedNodeId) {
        report(
          `${who}: github.nodeId "${person.github.nodeId}" does not match github.id ${person.github.id}, expected "${expectedNodeId}"`,
        );
      }
    }
    if (person.gitlab) {
      personUniques.gitlabUsername.claim(
        person.gitlab.username.toLowerCase(),
        who,
      );
      personUniques.gitlabId.claim(String(person.gitlab.id), who);
    }
    if (person.ldap.password === '') {
      report(`${who}: ldap.password must not be empty`);
    }
    checkMemberships(person, who, teamIds, report);
  }

  for (const team of org.teams) {
    if (team.parent === undefined) {
      continue;
    }
    if (team.parent === team.id) {
      report(`team "${team.id}": is its own parent`);
    } else if (!teamIds.has(team.parent)) {
      report(`team "${team.id}": parent "${team.parent}" is not a known team`);
    }
  }

  for (const cycle of findParentCycles(org)) {
    report(`teams form a parent cycle: ${cycle.join(' -> ')}`);
  }

  return problems;
}

function checkMemberships(
  person: DemoPerson,
  who: string,
  teamIds: Set<string>,
  report: (problem: string) => void,
) {
  const listed = new Set<string>();
  for (const teamId of person.teams) {
    if (!teamIds.has(teamId)) {
      report(`${who}: team "${teamId}" is not a known team`);
    }
    if (listed.has(teamId)) {
      report(`${who}: lists team "${teamId}" more than once`);
    }
    listed.add(teamId);
  }
}

/**
 * Every cycle in the parent relation, each as a path that starts and ends
 * with the same team id. Self-parents are reported separately and skipped.
 */
function findParentCycles(org: DemoOrg): string[][] {
  const parentOf = new Map<string, string>();
  for (const team of org.teams) {
    if (team.parent !== undefined && team.parent !== team.id) {
      parentOf.set(team.id, team.parent);
    }
  }

  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  for (const team of org.teams) {
    const path: string[] = [];
    let current: string | undefined = team.id;
    while (current !== undefined && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      current = parentOf.get(current);
    }
    if (current !== undefined && state.get(current) === 'visiting') {
      const cycle = path.slice(path.indexOf(current));
      cycles.push([...cycle, current]);
    }
    for (const visited of path) {
      state.set(visited, 'done');
    }
  }
  return cycles;
}
