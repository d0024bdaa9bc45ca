import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { InputError } from '@backstage/errors';
import { stringify } from 'yaml';
import { createOrgGraph } from './orgGraph';
import { defaultDemoOrgPath, loadDemoOrg, parseDemoOrg } from './schema';

/** A small valid organisation as plain data, to be broken by each test. */
function validInput() {
  return {
    company: { name: 'Example Corp', emailDomain: 'example.com' },
    teams: [
      { id: 'engineering', name: 'Engineering', roles: ['developer'] },
      { id: 'platform', name: 'Platform', parent: 'engineering' },
    ],
    people: [
      {
        id: 'zoe',
        displayName: 'Zoë Hoffmann',
        givenName: 'Zoë',
        surname: 'Hoffmann',
        email: 'zoe@example.com',
        ldap: { uid: 'zoe', password: 'pw-zoe' },
        github: { login: 'zoe', id: 10001, nodeId: 'MDQ6VXNlcjEwMDAx' },
        gitlab: { username: 'zoe', id: 20001 },
        teams: ['platform'],
      },
      {
        id: 'jane',
        displayName: 'Smith, Jane',
        givenName: 'Jane',
        surname: 'Smith',
        email: 'jane@example.com',
        ldap: { uid: 'jane', password: 'pw-jane' },
        github: { login: 'jane', id: 10002, nodeId: 'MDQ6VXNlcjEwMDAy' },
        gitlab: { username: 'jane', id: 20002 },
        teams: ['engineering'],
      },
    ],
  };
}

type Input = ReturnType<typeof validInput>;

function parseBroken(breakIt: (input: Input) => void) {
  const input = validInput();
  breakIt(input);
  return () => parseDemoOrg(stringify(input));
}

describe('the bundled demo-org.yaml', () => {
  const org = loadDemoOrg();
  const graph = createOrgGraph(org);

  it('resolves relative to the package, not the working directory', () => {
    expect(isAbsolute(defaultDemoOrgPath())).toBe(true);
    expect(existsSync(defaultDemoOrgPath())).toBe(true);
  });

  it('describes Example Corp with about fifteen people', () => {
    expect(org.company).toEqual({
      name: 'Example Corp',
      emailDomain: 'example.com',
    });
    expect(org.people.length).toBeGreaterThanOrEqual(15);
    expect(
      org.people.every(person => person.email.endsWith('@example.com')),
    ).toBe(true);
  });

  it('has non-ASCII names, exactly one comma name and exactly one disabled person', () => {
    expect(
      org.people.filter(person => /[\u0080-\uffff]/.test(person.displayName))
        .length,
    ).toBeGreaterThanOrEqual(5);
    expect(
      org.people
        .filter(person => person.displayName.includes(','))
        .map(person => person.displayName),
    ).toEqual(['Smith, Jane']);
    expect(
      org.people.filter(person => person.disabled).map(person => person.id),
    ).toEqual(['max-mustermann']);
  });

  it('nests teams at least three levels deep', () => {
    const deepest = Math.max(
      ...org.teams.map(team => graph.ancestors(team.id).length + 1),
    );
    expect(deepest).toBeGreaterThanOrEqual(3);
    expect(graph.ancestors('sre').map(team => team.id)).toEqual([
      'platform-team',
      'engineering',
    ]);
    expect(graph.team('admins')?.parent).toBeUndefined();
  });

  it('gives everyone a distinct, non-empty password', () => {
    const passwords = org.people.map(person => person.ldap.password);
    expect(passwords.every(password => password.length > 0)).toBe(true);
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('has people in several teams and roles on people and teams', () => {
    expect(org.people.some(person => person.teams.length > 1)).toBe(true);
    expect(org.people.some(person => person.roles.length > 0)).toBe(true);
    expect(org.teams.some(team => team.roles.length > 0)).toBe(true);
  });
});

describe('parseDemoOrg', () => {
  it('returns the typed organisation with defaults filled in', () => {
    const org = parseDemoOrg(stringify(validInput()));
    expect(org.teams[1]).toEqual({
      id: 'platform',
      name: 'Platform',
      parent: 'engineering',
      roles: [],
    });
    expect(org.people[0].roles).toEqual([]);
    expect(org.people[0].disabled).toBe(false);
  });

  it('reports invalid YAML as an InputError', () => {
    expect(() => parseDemoOrg('people: [', 'broken.yaml')).toThrow(
      /^broken\.yaml: invalid YAML: /,
    );
    expect(() => parseDemoOrg('people: [')).toThrow(InputError);
  });

  describe('shape errors', () => {
    it('name the entry by index and id', () => {
      expect(
        parseBroken(input => {
          input.people[1].email = 'not-an-email';
        }),
      ).toThrow('people[1] (id "jane").email: must be an email address');
    });

    it('reject ids that are not catalog names', () => {
      expect(
        parseBroken(input => {
          input.teams[0].id = 'Engineering Team';
        }),
      ).toThrow(
        'teams[0] (id "Engineering Team").id: must be lowercase letters and digits',
      );
    });

    it('reject unknown fields, so typos do not go unnoticed', () => {
      expect(
        parseBroken(input => {
          Object.assign(input.people[0], { disbled: true });
        }),
      ).toThrow(
        /people\[0\] \(id "zoe"\): Unrecognized key\(s\) in object: 'disbled'/,
      );
    });

    it('reject unknown roles', () => {
      expect(
        parseBroken(input => {
          input.teams[0].roles = ['superuser'];
        }),
      ).toThrow(
        /teams\[0\] \(id "engineering"\)\.roles\[0\]: Invalid enum value/,
      );
    });

    it('reject a missing company', () => {
      expect(
        parseBroken(input => {
          Object.assign(input, { company: undefined });
        }),
      ).toThrow('company: Required');
    });
  });

  describe('cross-entry rules', () => {
    it.each<[string, (input: Input) => void, string]>([
      [
        'duplicate person ids',
        input => {
          input.people[1].id = 'zoe';
        },
        'person "zoe" (people[1]): id "zoe" is already used by person "zoe" (people[0])',
      ],
      [
        'duplicate team ids',
        input => {
          Object.assign(input.teams[1], {
            id: 'engineering',
            parent: undefined,
          });
        },
        'team "engineering" (teams[1]): id "engineering" is already used by team "engineering" (teams[0])',
      ],
      [
        'duplicate LDAP uids, ignoring case',
        input => {
          input.people[1].ldap.uid = 'zoe';
        },
        'person "jane" (people[1]): ldap.uid "zoe" is already used by person "zoe" (people[0])',
      ],
      [
        'duplicate emails, ignoring case',
        input => {
          input.people[1].email = 'ZOE@example.com';
        },
        'person "jane" (people[1]): email "zoe@example.com" is already used by person "zoe" (people[0])',
      ],
      [
        'duplicate GitHub ids',
        input => {
          input.people[1].github = {
            login: 'jane',
            id: 10001,
            nodeId: 'MDQ6VXNlcjEwMDAx',
          };
        },
        'person "jane" (people[1]): github.id "10001" is already used by person "zoe" (people[0])',
      ],
      [
        'duplicate GitHub logins, ignoring case',
        input => {
          input.people[1].github.login = 'Zoe';
        },
        'person "jane" (people[1]): github.login "zoe" is already used by person "zoe" (people[0])',
      ],
      [
        'duplicate GitLab ids',
        input => {
          input.people[1].gitlab.id = 20001;
        },
        'person "jane" (people[1]): gitlab.id "20001" is already used by person "zoe" (people[0])',
      ],
      [
        'duplicate GitLab usernames',
        input => {
          input.people[1].gitlab.username = 'zoe';
        },
        'person "jane" (people[1]): gitlab.username "zoe" is already used by person "zoe" (people[0])',
      ],
      [
        'a GitHub node id that does not encode the GitHub id',
        input => {
          input.people[0].github.nodeId = 'MDQ6VXNlcjk5OTk5';
        },
        'person "zoe" (people[0]): github.nodeId "MDQ6VXNlcjk5OTk5" does not match github.id 10001, expected "MDQ6VXNlcjEwMDAx"',
      ],
      [
        'an empty password',
        input => {
          input.people[1].ldap.password = '';
        },
        'person "jane" (people[1]): ldap.password must not be empty',
      ],
      [
        'a membership in an unknown team',
        input => {
          input.people[0].teams = ['platform', 'nope'];
        },
        'person "zoe" (people[0]): team "nope" is not a known team',
      ],
      [
        'the same team listed twice',
        input => {
          input.people[0].teams = ['platform', 'platform'];
        },
        'person "zoe" (people[0]): lists team "platform" more than once',
      ],
      [
        'an unknown parent',
        input => {
          input.teams[1].parent = 'nope';
        },
        'team "platform": parent "nope" is not a known team',
      ],
      [
        'a team that is its own parent',
        input => {
          input.teams[1].parent = 'platform';
        },
        'team "platform": is its own parent',
      ],
      [
        'a parent cycle',
        input => {
          input.teams[0].parent = 'platform';
        },
        'teams form a parent cycle: engineering -> platform -> engineering',
      ],
    ])('reject %s', (_, breakIt, message) => {
      const parse = parseBroken(breakIt);
      expect(parse).toThrow(InputError);
      expect(parse).toThrow(message);
    });

    it('finds longer cycles once', () => {
      const parse = parseBroken(input => {
        input.teams.push(
          { id: 'a', name: 'A', parent: 'c' },
          { id: 'b', name: 'B', parent: 'a' },
          { id: 'c', name: 'C', parent: 'b' },
        );
      });
      expect(parse).toThrow('teams form a parent cycle: a -> c -> b -> a');
      expect(() => parse()).not.toThrow(/cycle[^]*cycle/);
    });

    it('lists every problem in one error', () => {
      const parse = parseBroken(input => {
        input.people[0].ldap.password = '';
        input.people[1].teams = ['ghost'];
      });
      expect(parse).toThrow(
        /demo org is invalid:\n- person "zoe" \(people\[0\]\): ldap\.password must not be empty\n- person "jane" \(people\[1\]\): team "ghost" is not a known team$/,
      );
    });
  });
});
