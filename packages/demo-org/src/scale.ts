import { githubUserNodeId } from './githubNodeId';
import { DemoOrg, DemoPerson, DemoRole, DemoTeam } from './model';
import { createPrng, Prng } from './prng';
import { GIVEN_NAMES, PooledName, SURNAMES, TEAM_WORDS } from './scaleNames';

export interface GenerateOrgOptions {
  /** Number of people; defaults to 20,000. */
  people?: number;
  /** Number of teams; defaults to 2,000. */
  groups?: number;
  /** PRNG seed; the same options always give the same organisation. */
  seed?: number;
}

export const DEFAULT_SCALE_PEOPLE = 20_000;
export const DEFAULT_SCALE_GROUPS = 2_000;

/** Children per team in the generated tree (roots: about one per 400 teams). */
const BRANCHING = 6;
/** Every this many people, the display name is written "Surname, Given". */
const COMMA_NAME_EVERY = 50;
const DISABLED_SHARE = 0.01;
const PERSONAL_ADMIN_SHARE = 0.005;
const GITHUB_ID_BASE = 1_000_000;
const GITLAB_ID_BASE = 5_000_000;

/**
 * Keeps display names unique (so `cn`-named DNs stay unique too) by
 * appending " 2", " 3", ... to repeats. Pool names never end in a digit, so
 * a suffixed name cannot collide with a plain one.
 */
class UniqueDisplayNames {
  private readonly seen = new Map<string, number>();

  claim(name: string): string {
    const count = (this.seen.get(name) ?? 0) + 1;
    this.seen.set(name, count);
    return count === 1 ? name : `${name} ${count}`;
  }
}

/**
 * A deterministic synthetic organisation in the DemoOrg model, for load tests
 * and benchmarks: a team tree several levels deep, each person in 1-3 teams,
 * non-ASCII and comma display names, every identifier unique. Runs in
 * O(people + groups) and passes validateDemoOrg.
 */
export function generateOrg(options: GenerateOrgOptions = {}): DemoOrg {
  const peopleCount = checkCount(
    'people',
    options.people,
    DEFAULT_SCALE_PEOPLE,
  );
  const groupCount = checkCount('groups', options.groups, DEFAULT_SCALE_GROUPS);
  const prng = createPrng(options.seed ?? 1);

  const teams = generateTeams(groupCount, prng);
  const displayNames = new UniqueDisplayNames();
  const people: DemoPerson[] = [];
  for (let index = 0; index < peopleCount; index++) {
    people.push(generatePerson(index + 1, teams, prng, displayNames));
  }

  return {
    company: { name: 'Example Corp', emailDomain: 'example.com' },
    teams,
    people,
  };
}

function checkCount(
  what: string,
  value: number | undefined,
  fallback: number,
): number {
  const count = value ?? fallback;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(
      `${what} must be a non-negative integer, got ${value}`,
    );
  }
  return count;
}

/**
 * Teams 0..roots-1 are roots; team i after them hangs under team
 * floor((i - roots) / BRANCHING), which always comes earlier, so the tree is
 * about log6(groups / roots) levels deep (5 for 2,000 teams).
 */
function generateTeams(count: number, prng: Prng): DemoTeam[] {
  const roots = Math.min(count, Math.max(1, Math.round(count / 400)));
  const teams: DemoTeam[] = [];
  for (let index = 0; index < count; index++) {
    const number = index + 1;
    const word = prng.pick(TEAM_WORDS);
    const parentIndex =
      index < roots ? undefined : Math.floor((index - roots) / BRANCHING);
    teams.push({
      id: `${word.ascii}-${number}`,
      name: `${word.display} ${number}`,
      description: `Synthetic team ${number}`,
      ...(parentIndex !== undefined && { parent: teams[parentIndex].id }),
      roles: rootRoles(index, roots),
    });
  }
  return teams;
}

function rootRoles(index: number, roots: number): DemoRole[] {
  if (index === 0) {
    return ['admin'];
  }
  if (index < roots) {
    return index % 2 === 1 ? ['developer'] : ['viewer'];
  }
  return [];
}

function generatePerson(
  number: number,
  teams: DemoTeam[],
  prng: Prng,
  displayNames: UniqueDisplayNames,
): DemoPerson {
  const given = prng.pick(GIVEN_NAMES);
  const surname = prng.pick(SURNAMES);
  const slug = `${given.ascii}-${surname.ascii}-${number}`;
  const shortName = `${given.ascii[0]}${surname.ascii}${number}`;
  const githubId = GITHUB_ID_BASE + number;
  const roles: DemoRole[] = prng.next() < PERSONAL_ADMIN_SHARE ? ['admin'] : [];

  return {
    id: slug,
    displayName: displayNames.claim(displayNameOf(number, given, surname)),
    givenName: given.display,
    surname: surname.display,
    email: `${given.ascii}.${surname.ascii}.${number}@example.com`,
    ldap: {
      uid: shortName,
      password: `pw-${number}-${prng.int(0x1000000).toString(16)}`,
    },
    github: { login: slug, id: githubId, nodeId: githubUserNodeId(githubId) },
    gitlab: { username: shortName, id: GITLAB_ID_BASE + number },
    teams: pickTeams(teams, prng),
    roles,
    disabled: prng.next() < DISABLED_SHARE,
  };
}

function displayNameOf(
  number: number,
  given: PooledName,
  surname: PooledName,
): string {
  return number % COMMA_NAME_EVERY === 0
    ? `${surname.display}, ${given.display}`
    : `${given.display} ${surname.display}`;
}

/** 1-3 distinct teams, uniformly at random (fewer if there are fewer teams). */
function pickTeams(teams: DemoTeam[], prng: Prng): string[] {
  const wanted = Math.min(teams.length, 1 + prng.int(3));
  const picked = new Set<string>();
  while (picked.size < wanted) {
    picked.add(prng.pick(teams).id);
  }
  return [...picked];
}
