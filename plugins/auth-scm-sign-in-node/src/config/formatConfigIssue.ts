import type { z } from 'zod/v3';

/** `signIn.resolvers.0.resolver` -> `signIn.resolvers[0].resolver` under `configPath`. */
export function configKey(configPath: string, path: (string | number)[]) {
  return path.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : `${key}.${part}`,
    configPath,
  );
}

/** A zod issue as one sentence naming the full config key. */
export function formatConfigIssue(
  configPath: string,
  issue: z.ZodIssue,
): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map(
        key =>
          `${configKey(configPath, [...issue.path, key])} is not a known key`,
      )
      .join('; ');
  }
  return `${configKey(configPath, issue.path)}: ${issue.message}`;
}
