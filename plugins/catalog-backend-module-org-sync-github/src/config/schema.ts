import { z } from 'zod';

/** Defaults of the GitHub source. */
export const DEFAULTS = {
  host: 'github.com',
  pageSizes: { members: 100, teams: 50, teamMembers: 100 },
  teamMemberBatch: 10,
  maxConcurrency: 4,
  maxRequestsPerSecond: 15,
  retry: { attempts: 6, maxWaitSeconds: 900 },
  requestTimeoutMs: 30_000,
} as const;

/** GitHub caps `first:` at 100 on every connection. */
export const MAX_PAGE_SIZE = 100;

const HOST = /^[A-Za-z0-9.-]+(?::[0-9]{1,5})?$/;
// GitHub org logins: alphanumerics and single hyphens, at most 39 characters.
const ORG_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const SLUG_PATTERN = /^[A-Za-z0-9_.*-]+$/;

const pageSize = (fallback: number) =>
  z.number().int().min(1).max(MAX_PAGE_SIZE).default(fallback);

const slugPatterns = z
  .array(
    z
      .string()
      .trim()
      .regex(
        SLUG_PATTERN,
        'must be a team slug, optionally with * wildcards (e.g. "platform-*")',
      ),
  )
  .min(1, 'must list at least one slug pattern (or be "all")');

export const githubSourceSchema = z
  .object({
    host: z
      .string()
      .trim()
      .regex(HOST, 'must be a host name with an optional port, no scheme')
      .default(DEFAULTS.host),
    orgs: z
      .array(
        z
          .string()
          .trim()
          .regex(ORG_LOGIN, 'must be a GitHub organization login'),
      )
      .min(1, 'must list at least one organization login')
      .refine(
        orgs => new Set(orgs.map(o => o.toLowerCase())).size === orgs.length,
        'must not list an organization twice',
      ),
    teams: z
      .object({
        include: z.union([z.literal('all'), slugPatterns]).default('all'),
        exclude: z.array(z.string().trim().regex(SLUG_PATTERN)).default([]),
        naming: z.enum(['auto', 'slug', 'org-slug']).default('auto'),
      })
      .strict()
      .default({}),
    users: z
      .object({ excludeSuspended: z.boolean().default(true) })
      .strict()
      .default({}),
    emails: z
      .array(z.enum(['verifiedDomain', 'public']))
      .refine(
        list => new Set(list).size === list.length,
        'must not list an email source twice',
      )
      .default(['verifiedDomain', 'public']),
    pageSizes: z
      .object({
        members: pageSize(DEFAULTS.pageSizes.members),
        teams: pageSize(DEFAULTS.pageSizes.teams),
        teamMembers: pageSize(DEFAULTS.pageSizes.teamMembers),
      })
      .strict()
      .default({}),
    teamMemberBatch: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(DEFAULTS.teamMemberBatch),
    maxConcurrency: z
      .number()
      .int()
      .min(1)
      .max(32)
      .default(DEFAULTS.maxConcurrency),
    maxRequestsPerSecond: z
      .number()
      .positive()
      .max(100)
      .default(DEFAULTS.maxRequestsPerSecond),
    retry: z
      .object({
        attempts: z
          .number()
          .int()
          .min(1)
          .max(20)
          .default(DEFAULTS.retry.attempts),
        maxWaitSeconds: z
          .number()
          .int()
          .min(1)
          .max(3600)
          .default(DEFAULTS.retry.maxWaitSeconds),
      })
      .strict()
      .default({}),
    requestTimeoutMs: z
      .number()
      .int()
      .min(1000)
      .max(600_000)
      .default(DEFAULTS.requestTimeoutMs),
  })
  .strict();

export type ParsedGithubSource = z.infer<typeof githubSourceSchema>;
