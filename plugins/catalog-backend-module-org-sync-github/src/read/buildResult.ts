import type {
  OrgSourceGroup,
  OrgSourceProblem,
  OrgSourceReadResult,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';
import type { GithubSourceConfig } from '../config/types';
import type { OrgRead } from './readOrg';
import type { WalkFailure } from './walkConnection';
import { createTeamFilter } from './teamFilter';

export const ANNOTATION_GITHUB_USER_LOGIN = 'github.com/user-login';
export const ANNOTATION_GITHUB_USER_ID = 'github.com/user-id';
export const ANNOTATION_GITHUB_TEAM_SLUG = 'github.com/team-slug';
export const ANNOTATION_GITHUB_TEAM_MAINTAINERS = 'github.com/team-maintainers';

/** An org that could not be read at all, and why. */
export type OrgFailure = { org: string; message: string };

/** What {@link buildResult} adds to the engine's result, for the log. */
export type BuildSummary = { suspended: number; excludedTeams: number };

/** The group key of a team: `<org>/<slug>`, as GitHub's `combinedSlug`. */
export function teamKey(org: string, slug: string): string {
  return `${org}/${slug}`;
}

/** `were read up to page 2; page 3 was given up: …`. */
function readUpTo(failure: WalkFailure): string {
  const read =
    failure.page > 1
      ? `were read up to page ${failure.page - 1}`
      : 'were not read';
  return `${read}; page ${failure.page} was given up: ${failure.message}`;
}

type UserDraft = {
  user: OrgSourceUser;
  verified: string[];
  publicEmail?: string;
};

function pickEmail(
  draft: UserDraft,
  preference: GithubSourceConfig['emails'],
): string | undefined {
  for (const source of preference) {
    if (source === 'verifiedDomain' && draft.verified.length) {
      return draft.verified[0];
    }
    if (source === 'public' && draft.publicEmail) return draft.publicEmail;
  }
  return undefined;
}

/**
 * Turns the reads of every org into the engine's users and groups: one user
 * per GitHub account (node id) however many orgs it is in, suspended
 * accounts left out, one group per included team; every page that was given
 * up becomes an `error` problem and makes the result partial, and a team
 * whose members or parent could not be fully read is reported with its key
 * (not returned), so the engine keeps its last committed version.
 */
export function buildResult(options: {
  config: GithubSourceConfig;
  reads: OrgRead[];
  failures: OrgFailure[];
}): { result: OrgSourceReadResult; summary: BuildSummary } {
  const { config, reads, failures } = options;
  const problems: OrgSourceProblem[] = [];
  const drafts = new Map<string, UserDraft>();
  const suspended = new Set<string>();
  const includeTeam = createTeamFilter(config.teams);

  for (const failure of failures) {
    problems.push({
      severity: 'error',
      code: 'org-unreadable',
      entry: failure.org,
      message: `GitHub org '${failure.org}' on ${config.host} could not be read: ${failure.message}`,
    });
  }

  for (const read of reads) {
    if (read.membersFailure) {
      problems.push({
        severity: 'error',
        code: 'members-page-failed',
        entry: read.org,
        message: `Members of GitHub org '${read.org}' ${readUpTo(
          read.membersFailure,
        )}`,
      });
    }
    for (const node of read.members) {
      if (config.users.excludeSuspended && node.suspendedAt) {
        suspended.add(node.id);
        continue;
      }
      let draft = drafts.get(node.id);
      if (!draft) {
        draft = {
          verified: [],
          user: {
            key: node.id,
            name: node.login,
            displayName: node.name || undefined,
            picture: node.avatarUrl || undefined,
            identifiers: {},
            annotations: {
              [ANNOTATION_GITHUB_USER_LOGIN]: node.login,
              [ANNOTATION_GITHUB_USER_ID]: node.id,
            },
            fields: {},
            memberOf: [],
          },
        };
        drafts.set(node.id, draft);
      }
      draft.verified.push(...(node.organizationVerifiedDomainEmails ?? []));
      draft.publicEmail ??= node.email || undefined;
    }
  }

  const users: OrgSourceUser[] = [];
  for (const draft of drafts.values()) {
    const email = pickEmail(draft, config.emails);
    if (email) {
      draft.user.email = email;
      draft.user.identifiers.email = email;
    }
    users.push(draft.user);
  }

  const groups: OrgSourceGroup[] = [];
  let excludedTeams = 0;
  for (const read of reads) {
    if (read.teamsFailure) {
      problems.push({
        severity: 'error',
        code: 'teams-page-failed',
        entry: read.org,
        message: `Teams of GitHub org '${read.org}' ${readUpTo(
          read.teamsFailure,
        )}`,
      });
    }
    const readSlugs = new Set(read.teams.map(team => team.slug));
    for (const team of read.teams) {
      if (!includeTeam(team.slug)) {
        excludedTeams += 1;
        continue;
      }
      const key = teamKey(read.org, team.slug);
      const skip = (code: string, message: string) =>
        problems.push({ severity: 'error', code, entry: key, key, message });
      if (team.membersFailure) {
        skip(
          'team-members-page-failed',
          `Members of GitHub team ${key} ${readUpTo(
            team.membersFailure,
          )}; the team keeps its last committed version`,
        );
        continue;
      }
      const unknown = team.memberIds.filter(
        id => !drafts.has(id) && !suspended.has(id),
      );
      if (read.membersFailure && unknown.length) {
        skip(
          'team-members-unknown',
          `GitHub team ${key} has ${unknown.length} member(s) that were not read because the org's member list is incomplete; the team keeps its last committed version`,
        );
        continue;
      }
      if (
        read.teamsFailure &&
        team.parentSlug &&
        !readSlugs.has(team.parentSlug)
      ) {
        skip(
          'team-parent-unread',
          `The parent team ${teamKey(
            read.org,
            team.parentSlug,
          )} of GitHub team ${key} was not read because the team list is incomplete; the team keeps its last committed version`,
        );
        continue;
      }
      const members = [...new Set(team.memberIds)].filter(id => drafts.has(id));
      const maintainers = [...new Set(team.maintainerIds)]
        .map(id => drafts.get(id)?.user.name)
        .filter((login): login is string => Boolean(login))
        .sort();
      groups.push({
        key,
        name:
          config.teams.naming === 'org-slug'
            ? `${read.org}-${team.slug}`
            : team.slug,
        displayName: team.name,
        description: team.description || undefined,
        picture: team.avatarUrl,
        type: 'team',
        identifiers: {},
        annotations: {
          [ANNOTATION_GITHUB_TEAM_SLUG]: key,
          ...(maintainers.length && {
            [ANNOTATION_GITHUB_TEAM_MAINTAINERS]: maintainers.join(','),
          }),
        },
        fields: {},
        parents:
          team.parentSlug && includeTeam(team.parentSlug)
            ? [teamKey(read.org, team.parentSlug)]
            : [],
        children: [],
        members,
      });
    }
  }

  const complete =
    failures.length === 0 &&
    reads.every(
      read =>
        !read.membersFailure &&
        !read.teamsFailure &&
        read.teams.every(team => !team.membersFailure),
    );
  return {
    result: { users, groups, complete, problems },
    summary: { suspended: suspended.size, excludedTeams },
  };
}
