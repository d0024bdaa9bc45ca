import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { z } from 'zod';
import { gitlabSourceSchema } from './schema';
import type { GitlabSourceConfig } from './types';

function describeIssue(configPath: string, issue: z.ZodIssue): string {
  const key = [configPath, ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map(unknown => `${key}.${unknown} is not a known setting`)
      .join('; ');
  }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') {
    return `${key} is required`;
  }
  return `${key} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(
    1,
  )}`;
}

/**
 * Reads and validates one GitLab source block,
 * `catalog.providers.orgSync.<providerId>.sources.gitlab.<sourceId>`. Pure:
 * nothing is contacted, integrations are not looked up.
 *
 * Throws an `InputError` listing every problem, each naming the full config
 * key, for example
 * `catalog.providers.orgSync.corp.sources.gitlab.main.group is required`.
 *
 * @public
 */
export function readGitlabSourceConfig(
  config: Config,
  configPath: string,
): GitlabSourceConfig {
  const result = gitlabSourceSchema.safeParse(config.get());
  if (!result.success) {
    const problems = result.error.issues.map(issue =>
      describeIssue(configPath, issue),
    );
    throw new InputError(
      `Invalid GitLab source config: ${problems.join('; ')}`,
    );
  }
  return result.data;
}
