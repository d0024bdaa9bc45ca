import { z } from 'zod';

/** GitLab's largest page. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_MAX_RETRIES = 5;

// GitLab paths: letters, digits, `_`, `-`, `.`; no leading or trailing `/`.
const GROUP_PATH =
  /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)*$/;
const HOST =
  /^[A-Za-z0-9.-]+(?::[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::[0-9]{1,5})?$/;
const GLOB = /^[A-Za-z0-9_.*\-/]+$/;

/** The zod schema of one GitLab source block. */
export const gitlabSourceSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .regex(
        HOST,
        'must be a host name with an optional port, as in integrations.gitlab[].host (e.g. gitlab.com or gitlab.example.com:8443), not a URL',
      ),
    group: z
      .string()
      .trim()
      .regex(
        GROUP_PATH,
        'must be the full path of a group, e.g. "acme" or "acme/platform" (no URL, no leading or trailing /)',
      ),
    membership: z.enum(['direct', 'inherited']).default('direct'),
    includeSubgroups: z.boolean().default(true),
    users: z
      .object({
        excludeBlocked: z.boolean().default(true),
        excludeBots: z.boolean().default(true),
      })
      .strict()
      .default({}),
    groups: z
      .object({
        type: z.string().trim().min(1, 'must not be empty').default('team'),
        naming: z.enum(['path', 'leaf']).default('path'),
        exclude: z
          .array(
            z
              .string()
              .trim()
              .regex(
                GLOB,
                'must be a group path relative to the root group, with * (one segment) and ** (any depth) wildcards, e.g. "sandbox" or "*/archive/**"',
              ),
          )
          .default([]),
      })
      .strict()
      .default({}),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(MAX_PAGE_SIZE),
    concurrency: z.number().int().min(1).max(32).default(DEFAULT_CONCURRENCY),
    maxRetries: z.number().int().min(0).max(20).default(DEFAULT_MAX_RETRIES),
  })
  .strict();
