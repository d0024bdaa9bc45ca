import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { z } from 'zod';
import { githubSourceSchema } from './schema';
import type { GithubSourceConfig } from './types';

function describeIssue(configPath: string, issue: z.ZodIssue): string {
  const key = [configPath, ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') {
    return `${key} has unknown keys ${issue.keys
      .map(k => `'${k}'`)
      .join(', ')}`;
  }
  return `${key} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(
    1,
  )}`;
}

/**
 * Reads and validates one GitHub source block,
 * `catalog.providers.orgSync.<providerId>.sources.github.<sourceId>`. Pure:
 * nothing is contacted and credentials are not looked at (that happens when
 * the source is created, against `integrations.github`).
 *
 * Throws an `InputError` listing every problem, each naming the full config
 * key, for example
 * `catalog.providers.orgSync.corp.sources.github.main.orgs must list at least one organization login`.
 *
 * @public
 */
export function readGithubSourceConfig(
  config: Config,
  configPath: string,
): GithubSourceConfig {
  const result = githubSourceSchema.safeParse(config.get());
  if (!result.success) {
    const problems = result.error.issues.map(issue =>
      describeIssue(configPath, issue),
    );
    throw new InputError(
      `Invalid GitHub source config: ${problems.join('; ')}`,
    );
  }
  const parsed = result.data;
  let naming = parsed.teams.naming;
  if (naming === 'auto') {
    naming = parsed.orgs.length > 1 ? 'org-slug' : 'slug';
  }
  return {
    ...parsed,
    host: parsed.host.toLowerCase(),
    teams: { ...parsed.teams, naming },
  };
}
