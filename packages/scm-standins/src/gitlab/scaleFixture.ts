import { createPrng } from '@internal/demo-org';
import { checkCount } from '../common/checkCount';
import {
  DEMO_GITLAB_CLIENT_ID,
  DEMO_GITLAB_CLIENT_SECRET,
  DEMO_GITLAB_GROUP,
  DEMO_GITLAB_TOKEN,
  DEMO_GITLAB_TOKEN_SCOPES,
  GitlabFixture,
  GitlabFixtureGroup,
  GitlabFixtureUser,
} from './fixture';

export interface GitlabScaleFixtureOptions {
  /** Users, all members of the group tree (default 60,000). */
  users?: number;
  /** Groups including the top-level `example-corp` (default 3,000). */
  groups?: number;
  /** Share of users that are blocked, 0..1 (default 0). */
  blockedShare?: number;
  /** PRNG seed (default 1); the same options always give the same tree. */
  seed?: number;
}

const USER_ID_BASE = 5_000_000;
const GROUP_ID_BASE = 700_000;
/** Children per group at most, so the tree is several levels deep. */
const BRANCHING = 8;

const pad = (n: number) => String(n).padStart(5, '0');

/**
 * A synthetic GitLab instance for benchmarks: the `example-corp` tree of
 * `groups` groups, `users` users each a direct member of 1-3 groups (below
 * the top-level group). Deterministic for a seed; O(users + groups).
 */
export function generateGitlabScaleFixture(
  options: GitlabScaleFixtureOptions = {},
): GitlabFixture {
  const userCount = checkCount('users', options.users ?? 60_000);
  const groupCount = Math.max(1, checkCount('groups', options.groups ?? 3_000));
  const blockedShare = options.blockedShare ?? 0;
  const prng = createPrng(options.seed ?? 1);

  const groups: GitlabFixtureGroup[] = [
    {
      id: GROUP_ID_BASE,
      name: 'Example Corp',
      path: DEMO_GITLAB_GROUP,
      fullPath: DEMO_GITLAB_GROUP,
      members: [],
    },
  ];
  for (let index = 1; index < groupCount; index++) {
    // Parent: one of the earlier groups, chosen so no group gets more than BRANCHING children.
    const parent = groups[Math.floor((index - 1) / BRANCHING)];
    const path = `group-${pad(index)}`;
    groups.push({
      id: GROUP_ID_BASE + index,
      name: `Group ${pad(index)}`,
      path,
      fullPath: `${parent.fullPath}/${path}`,
      parentId: parent.id,
      members: [],
    });
  }

  const users: GitlabFixtureUser[] = [];
  for (let index = 1; index <= userCount; index++) {
    const id = USER_ID_BASE + index;
    const username = `user${pad(index)}`;
    users.push({
      id,
      username,
      name: `User ${pad(index)}`,
      email: `${username}@example.com`,
      state: prng.next() < blockedShare ? 'blocked' : 'active',
    });
    if (groupCount > 1) {
      const memberships = 1 + prng.int(3);
      for (const offset of prng.distinct(memberships, groupCount - 1)) {
        const group = groups[offset + 1];
        group.members.push({
          userId: id,
          accessLevel: group.members.length === 0 ? 40 : 30,
        });
      }
    }
  }

  return {
    users,
    groups,
    tokens: [
      {
        token: DEMO_GITLAB_TOKEN,
        username: users[0]?.username ?? 'nobody',
        scopes: DEMO_GITLAB_TOKEN_SCOPES,
      },
    ],
    oauthApps: [
      {
        clientId: DEMO_GITLAB_CLIENT_ID,
        clientSecret: DEMO_GITLAB_CLIENT_SECRET,
        name: 'Identity & Access Portal (demo)',
      },
    ],
  };
}
