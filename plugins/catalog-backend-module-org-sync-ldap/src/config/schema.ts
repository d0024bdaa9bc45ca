import { z } from 'zod';
import { isValidDn } from '@identity-portal/ldap-node';
import { filterSyntaxError } from '@identity-portal/ldap-node';

/** Default timeouts and page size. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_OPERATION_TIMEOUT_MS = 60_000;
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 100_000;

const ATTRIBUTE_NAME =
  /^(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)+)(?:;[A-Za-z0-9-]+)*$/;
const IDENTIFIER_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const FIELD_PATH =
  /^(?:metadata\.title|metadata\.description|metadata\.(?:annotations|labels)\.[^\s]+|spec\.profile\.(?:displayName|email|picture))$/;

const attributeName = z
  .string()
  .trim()
  .regex(
    ATTRIBUTE_NAME,
    'must be one attribute name such as "mail" ("*", "+" and lists are not allowed)',
  );

/** An attribute name, or '' to not read the attribute at all. */
const optionalAttributeName = z.union([z.literal(''), attributeName]);

const dn = z.string().trim().min(1, 'must not be empty').refine(isValidDn, {
  message: 'is not a valid DN (RFC 4514), e.g. "ou=people,dc=example,dc=com"',
});

const filter = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((value, ctx) => {
    const problem = filterSyntaxError(value);
    if (problem) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `is not a valid LDAP filter (RFC 4515): ${problem}`,
      });
    }
  });

const ldapUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${value}" is not a URL; expected ldap://host[:port] or ldaps://host[:port]`,
      });
      return;
    }
    if (url.protocol !== 'ldap:' && url.protocol !== 'ldaps:') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${value}" must start with ldap:// or ldaps://`,
      });
    } else if (
      !url.hostname ||
      (url.pathname !== '' && url.pathname !== '/') ||
      url.search ||
      url.username
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${value}" must be only ldap[s]://host[:port] (no DN, query or credentials)`,
      });
    }
  });

/** A Backstage duration object, e.g. `{ seconds: 10 }`, as milliseconds. */
const duration = z
  .object({
    milliseconds: z.number().nonnegative().optional(),
    seconds: z.number().nonnegative().optional(),
    minutes: z.number().nonnegative().optional(),
    hours: z.number().nonnegative().optional(),
  })
  .strict()
  .transform(
    d =>
      (d.milliseconds ?? 0) +
      (d.seconds ?? 0) * 1000 +
      (d.minutes ?? 0) * 60_000 +
      (d.hours ?? 0) * 3_600_000,
  )
  .refine(ms => ms >= 1, {
    message:
      'must be a positive duration such as { seconds: 10 } (keys: milliseconds, seconds, minutes, hours)',
  });

const identifiers = z.record(
  z
    .string()
    .regex(
      IDENTIFIER_NAME,
      'identifier names start with a letter and contain letters, digits, ".", "_" or "-"',
    ),
  attributeName,
);

const fields = z.record(
  z
    .string()
    .regex(
      FIELD_PATH,
      'must be metadata.title, metadata.description, metadata.annotations.<key>, metadata.labels.<key> or spec.profile.(displayName|email|picture)',
    ),
  attributeName,
);

const scope = z.enum(['one', 'sub']);

const userAttributes = z
  .object({
    key: attributeName.optional(),
    name: attributeName.optional(),
    displayName: optionalAttributeName.optional(),
    email: optionalAttributeName.optional(),
    picture: optionalAttributeName.optional(),
    description: optionalAttributeName.optional(),
    memberOf: optionalAttributeName.optional(),
  })
  .strict();

const groupAttributes = z
  .object({
    key: attributeName.optional(),
    name: attributeName.optional(),
    displayName: optionalAttributeName.optional(),
    email: optionalAttributeName.optional(),
    picture: optionalAttributeName.optional(),
    description: optionalAttributeName.optional(),
    members: optionalAttributeName.optional(),
    memberOf: optionalAttributeName.optional(),
  })
  .strict();

const users = z
  .object({
    baseDn: dn,
    scope: scope.default('sub'),
    filter: filter.optional(),
    includeDisabled: z.boolean().default(false),
    disabledFilter: filter.optional(),
    attributes: userAttributes.default({}),
    identifiers: identifiers.optional(),
    fields: fields.default({}),
    extraAttributes: z.array(attributeName).default([]),
  })
  .strict();

const groups = z
  .object({
    baseDn: dn,
    scope: scope.default('sub'),
    filter: filter.optional(),
    type: z.string().trim().min(1, 'must not be empty').default('team'),
    attributes: groupAttributes.default({}),
    identifiers: identifiers.optional(),
    fields: fields.default({}),
    extraAttributes: z.array(attributeName).default([]),
    transitiveMembers: z.boolean().default(false),
  })
  .strict();

const bind = z
  .object({
    dn: z.string().trim().min(1, 'must not be empty'),
    password: z
      .string()
      .min(
        1,
        'must not be empty: an empty password makes an anonymous bind, which servers accept without checking anything (leave out `bind` to read anonymously on purpose)',
      ),
  })
  .strict();

const tls = z
  .object({
    ca: z.string().trim().min(1, 'must not be empty').optional(),
    startTls: z.boolean().default(false),
    rejectUnauthorized: z.boolean().default(true),
  })
  .strict();

/** The zod schema of one LDAP source block. */
export const ldapSourceSchema = z
  .object({
    vendor: z.enum(['openldap', 'activedirectory', 'auto']).default('auto'),
    url: ldapUrl.optional(),
    urls: z.array(ldapUrl).min(1, 'must list at least one URL').optional(),
    bind: bind.optional(),
    tls: tls.default({}),
    timeouts: z
      .object({
        connect: duration.optional(),
        operation: duration.optional(),
      })
      .strict()
      .default({}),
    memberships: z.enum(['member', 'memberOf', 'both']).default('member'),
    pageSize: z
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE)
      .default(DEFAULT_PAGE_SIZE),
    users,
    groups: groups.optional(),
  })
  .strict()
  .superRefine((source, ctx) => {
    if (source.url === undefined && source.urls === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['url'],
        message: 'is required (or `urls`, a list tried in order)',
      });
    }
    if (source.url !== undefined && source.urls !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['urls'],
        message: 'cannot be combined with `url`; use one of them',
      });
    }
    const urls = source.urls ?? (source.url ? [source.url] : []);
    if (source.tls.startTls && urls.some(u => u.startsWith('ldaps:'))) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['tls', 'startTls'],
        message:
          'cannot be used with ldaps:// URLs (they are encrypted already); use ldap:// URLs with StartTLS',
      });
    }
    if (
      source.memberships !== 'memberOf' &&
      source.groups?.attributes.members === ''
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['groups', 'attributes', 'members'],
        message: `must name an attribute when memberships is "${source.memberships}" (or set memberships: memberOf)`,
      });
    }
    if (source.groups?.transitiveMembers && source.vendor === 'openldap') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['groups', 'transitiveMembers'],
        message:
          'needs Active Directory (LDAP_MATCHING_RULE_IN_CHAIN); OpenLDAP does not support it',
      });
    }
  });

/** What the schema produces before it is turned into LdapSourceConfig. */
export type ParsedLdapSource = z.infer<typeof ldapSourceSchema>;
