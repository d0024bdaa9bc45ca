import {
  GithubFixture,
  GithubFixtureOrg,
  GithubFixtureTeam,
  GithubFixtureTeamMember,
  GithubFixtureUser,
} from './fixture';

/** One organisation with lookups precomputed. */
export interface OrgIndex {
  org: GithubFixtureOrg;
  members: GithubFixtureUser[];
  roleByLogin: Map<string, 'ADMIN' | 'MEMBER'>;
  teamBySlug: Map<string, GithubFixtureTeam>;
  childrenBySlug: Map<string, GithubFixtureTeam[]>;
  /** Teams a login is a direct member of (lower-case login). */
  teamsByLogin: Map<string, GithubFixtureTeam[]>;
}

const key = (login: string) => login.toLowerCase();

/** The fixture with the lookups the GraphQL and REST handlers need. */
export class GithubModel {
  private readonly usersByLogin = new Map<string, GithubFixtureUser>();
  private readonly usersById = new Map<number, GithubFixtureUser>();
  private readonly orgsByLogin = new Map<string, OrgIndex>();
  private readonly orgsOfUser = new Map<string, OrgIndex[]>();

  constructor(readonly fixture: GithubFixture) {
    for (const user of fixture.users) {
      if (this.usersByLogin.has(key(user.login))) {
        throw new Error(`GitHub fixture: duplicate login ${user.login}`);
      }
      this.usersByLogin.set(key(user.login), user);
      this.usersById.set(user.id, user);
    }
    for (const org of fixture.orgs) {
      const index = this.indexOrg(org);
      this.orgsByLogin.set(key(org.login), index);
      for (const member of index.members) {
        const list = this.orgsOfUser.get(key(member.login)) ?? [];
        list.push(index);
        this.orgsOfUser.set(key(member.login), list);
      }
    }
  }

  user(login: string): GithubFixtureUser | undefined {
    return this.usersByLogin.get(key(login));
  }

  userById(id: number): GithubFixtureUser | undefined {
    return this.usersById.get(id);
  }

  org(login: string): OrgIndex | undefined {
    return this.orgsByLogin.get(key(login));
  }

  orgById(id: number): OrgIndex | undefined {
    return [...this.orgsByLogin.values()].find(index => index.org.id === id);
  }

  orgsOf(login: string): OrgIndex[] {
    return this.orgsOfUser.get(key(login)) ?? [];
  }

  /** The accounts offered on the consent page. */
  consentAccounts(): GithubFixtureUser[] {
    const logins = this.fixture.consentLogins;
    if (!logins) {
      return this.fixture.users;
    }
    return logins
      .map(login => this.user(login))
      .filter((user): user is GithubFixtureUser => !!user);
  }

  /** Emails of a user in the org's verified domains. */
  verifiedDomainEmails(user: GithubFixtureUser, orgLogin: string): string[] {
    const index = this.org(orgLogin);
    if (!index || !index.roleByLogin.has(key(user.login))) {
      return [];
    }
    const domains = index.org.verifiedDomains.map(d => d.toLowerCase());
    return user.emails
      .filter(e => e.verified)
      .map(e => e.email)
      .filter(email =>
        domains.includes(email.slice(email.lastIndexOf('@') + 1).toLowerCase()),
      );
  }

  /**
   * Members of a team: IMMEDIATE (direct), CHILD_TEAM (only through
   * descendant teams) or ALL, each login once, direct members first.
   */
  teamMembers(
    index: OrgIndex,
    team: GithubFixtureTeam,
    membership: 'IMMEDIATE' | 'CHILD_TEAM' | 'ALL',
  ): GithubFixtureTeamMember[] {
    const direct = team.members;
    if (membership === 'IMMEDIATE') {
      return direct;
    }
    const seen = new Set(direct.map(m => key(m.login)));
    const inherited: GithubFixtureTeamMember[] = [];
    for (const descendant of this.descendants(index, team)) {
      for (const member of descendant.members) {
        if (!seen.has(key(member.login))) {
          seen.add(key(member.login));
          inherited.push({ login: member.login, role: 'MEMBER' });
        }
      }
    }
    return membership === 'ALL' ? [...direct, ...inherited] : inherited;
  }

  /** Every team below a team, breadth first. */
  descendants(index: OrgIndex, team: GithubFixtureTeam): GithubFixtureTeam[] {
    const result: GithubFixtureTeam[] = [];
    const queue = [team];
    while (queue.length) {
      const current = queue.shift()!;
      for (const child of index.childrenBySlug.get(current.slug) ?? []) {
        result.push(child);
        queue.push(child);
      }
    }
    return result;
  }

  /** Parent, grandparent, ... of a team. */
  ancestors(index: OrgIndex, team: GithubFixtureTeam): GithubFixtureTeam[] {
    const result: GithubFixtureTeam[] = [];
    let current = team.parentSlug
      ? index.teamBySlug.get(team.parentSlug)
      : undefined;
    while (current && !result.includes(current)) {
      result.push(current);
      current = current.parentSlug
        ? index.teamBySlug.get(current.parentSlug)
        : undefined;
    }
    return result;
  }

  private indexOrg(org: GithubFixtureOrg): OrgIndex {
    const members: GithubFixtureUser[] = [];
    const roleByLogin = new Map<string, 'ADMIN' | 'MEMBER'>();
    for (const member of org.members) {
      const user = this.user(member.login);
      if (!user) {
        throw new Error(
          `GitHub fixture: org ${org.login} member ${member.login} is not a user`,
        );
      }
      members.push(user);
      roleByLogin.set(key(member.login), member.role);
    }
    const teamBySlug = new Map<string, GithubFixtureTeam>();
    const childrenBySlug = new Map<string, GithubFixtureTeam[]>();
    const teamsByLogin = new Map<string, GithubFixtureTeam[]>();
    for (const team of org.teams) {
      teamBySlug.set(team.slug, team);
      if (team.parentSlug) {
        const siblings = childrenBySlug.get(team.parentSlug) ?? [];
        siblings.push(team);
        childrenBySlug.set(team.parentSlug, siblings);
      }
      for (const member of team.members) {
        const list = teamsByLogin.get(key(member.login)) ?? [];
        list.push(team);
        teamsByLogin.set(key(member.login), list);
      }
    }
    return {
      org,
      members,
      roleByLogin,
      teamBySlug,
      childrenBySlug,
      teamsByLogin,
    };
  }
}
