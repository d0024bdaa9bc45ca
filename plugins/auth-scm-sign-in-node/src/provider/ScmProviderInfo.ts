import type { PassportProfile } from '@backstage/plugin-auth-node';

/**
 * How an SCM provider names its accounts in messages and log lines, and where
 * a profile keeps the account's stable id.
 */
export interface ScmProviderInfo<TProfile extends PassportProfile> {
  /** The provider in messages, e.g. `GitHub`. */
  title: string;
  /** What the username is called, e.g. `login`. */
  usernameLabel: string;
  /** What the stable id is called, e.g. `node id`. */
  stableIdLabel: string;
  /** The account's stable id (never reassigned), if the profile has one. */
  stableId(profile: TProfile): string | undefined;
}

/** `account <username> (<stable id label> <id>)`, for log lines (never a token). */
export function describeAccount<TProfile extends PassportProfile>(
  info: ScmProviderInfo<TProfile>,
  profile: TProfile,
): string {
  return `account ${profile.username ?? `(no ${info.usernameLabel})`} (${
    info.stableIdLabel
  } ${info.stableId(profile) ?? 'none'})`;
}
