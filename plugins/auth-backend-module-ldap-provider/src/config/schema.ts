import { filterSyntaxError, isValidDn } from '@identity-portal/ldap-node';
import { z } from 'zod/v3';

const PLACEHOLDER = '{username}';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const duration = z.union([z.string().min(1), z.record(z.string(), z.number())]);

const ldapUrl = nonEmpty.refine(
  value => /^ldaps?:\/\/[^/]+\/?$/i.test(value),
  'must be an ldap:// or ldaps:// URL with a host and no path',
);

const dn = nonEmpty.refine(isValidDn, 'is not a valid DN (RFC 4514)');

const filter = nonEmpty.refine(
  value => !filterSyntaxError(value.split(PLACEHOLDER).join('x')),
  value => ({
    message: `is not a valid LDAP filter (RFC 4515): ${filterSyntaxError(
      value.split(PLACEHOLDER).join('x'),
    )}`,
  }),
);

/** The raw shape of `auth.providers.ldap.<env>`. */
export const ldapAuthSchema = z
  .object({
    vendor: z.enum(['openldap', 'activedirectory', 'auto']).default('auto'),
    url: ldapUrl.optional(),
    urls: z.array(ldapUrl).min(1, 'must list at least one URL').optional(),
    bind: z
      .object({ dn, password: z.string().min(1, 'must not be empty') })
      .strict()
      .optional(),
    tls: z
      .object({
        ca: nonEmpty.optional(),
        startTls: z.boolean().default(false),
        rejectUnauthorized: z.boolean().default(true),
      })
      .strict()
      .default({}),
    timeouts: z
      .object({
        connect: z.number().int().positive().max(120_000).optional(),
        operation: z.number().int().positive().max(120_000).optional(),
      })
      .strict()
      .default({}),
    users: z
      .object({
        baseDn: dn.optional(),
        scope: z.enum(['one', 'sub']).default('sub'),
        filter: filter
          .refine(value => value.includes(PLACEHOLDER), {
            message: `must contain ${PLACEHOLDER}`,
          })
          .optional(),
        disabledFilter: filter.optional(),
        attributes: z
          .object({
            key: nonEmpty.optional(),
            username: nonEmpty.optional(),
            email: nonEmpty.default('mail'),
            displayName: nonEmpty.default('displayName'),
          })
          .strict()
          .default({}),
      })
      .strict()
      .default({}),
    dnTemplate: nonEmpty
      .refine(value => value.includes(PLACEHOLDER), {
        message: `must contain ${PLACEHOLDER}`,
      })
      .optional(),
    session: z
      .object({
        duration: duration.optional(),
        cookieName: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a plain cookie name')
          .optional(),
      })
      .strict()
      .default({}),
    recheckInterval: duration.optional(),
    throttle: z
      .object({
        perUsername: z.number().int().positive().default(5),
        perAddress: z.number().int().positive().default(20),
        window: duration.optional(),
        maxLock: duration.optional(),
      })
      .strict()
      .default({}),
    maxUsernameLength: z.number().int().positive().max(1024).default(256),
    signIn: z.unknown().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.url === !value.urls) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'or urls must be set, not both and not neither',
      });
    }
    if (!value.users.filter === !value.dnTemplate) {
      ctx.addIssue({
        code: 'custom',
        path: ['users', 'filter'],
        message:
          'or dnTemplate must be set (search-then-bind or direct bind), not both',
      });
    }
    if (value.users.filter && !value.users.baseDn) {
      ctx.addIssue({
        code: 'custom',
        path: ['users', 'baseDn'],
        message: 'is required with users.filter',
      });
    }
    if (value.users.filter && !value.bind) {
      ctx.addIssue({
        code: 'custom',
        path: ['bind'],
        message: 'is required for search-then-bind (users.filter)',
      });
    }
  });

export type ParsedLdapAuth = z.infer<typeof ldapAuthSchema>;
export { PLACEHOLDER };
