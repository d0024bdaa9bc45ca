/** Roles the portal's permission policy understands. */
export const DEMO_ROLES = [
  'admin',
  'developer',
  'registrar',
  'integration-admin',
  'viewer',
] as const;

/** A role granted to a person directly or to everyone in a team. */
export type DemoRole = (typeof DEMO_ROLES)[number];

/** The company the demo organisation describes. */
export interface DemoCompany {
  /** Display name, e.g. "Example Corp". */
  name: string;
  /** The verified email domain of the company, e.g. "example.com". */
  emailDomain: string;
}

/** A person's directory account. */
export interface DemoLdapAccount {
  /** The LDAP `uid`, also the RDN of the person's entry by default. */
  uid: string;
  /** The demo password, in plain text. */
  password: string;
}

/** A person's account on GitHub (or the GitHub stand-in). */
export interface DemoGithubAccount {
  login: string;
  /** The numeric REST id. */
  id: number;
  /** The legacy GraphQL node id: base64 of `04:User<id>`. */
  nodeId: string;
}

/** A person's account on GitLab (or the GitLab stand-in). */
export interface DemoGitlabAccount {
  username: string;
  /** The numeric id. */
  id: number;
}

/** One person of the demo organisation. */
export interface DemoPerson {
  /** Stable id, a valid catalog entity name; the User entity's name. */
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  email: string;
  ldap: DemoLdapAccount;
  github?: DemoGithubAccount;
  gitlab?: DemoGitlabAccount;
  /** Ids of the teams the person is a direct member of. */
  teams: string[];
  /** Roles granted to the person directly. */
  roles: DemoRole[];
  /** A disabled person exists in the directory but must not be able to sign in. */
  disabled: boolean;
}

/** One team (group) of the demo organisation. */
export interface DemoTeam {
  /** Stable id, a valid catalog entity name; the Group entity's name and LDAP `cn`. */
  id: string;
  /** Display name. */
  name: string;
  description?: string;
  /** Id of the parent team, if any. */
  parent?: string;
  /** Roles granted to every member of this team and of its descendants. */
  roles: DemoRole[];
}

/** The whole demo organisation, as described by demo-org.yaml. */
export interface DemoOrg {
  company: DemoCompany;
  teams: DemoTeam[];
  people: DemoPerson[];
}
