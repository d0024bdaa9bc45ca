import { z } from 'zod';

const roleName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'a role name is lowercase letters, digits, ".", "_" or "-", at most 63 characters',
  );

const permissionPattern = z
  .string()
  .min(1)
  .regex(
    /^[A-Za-z0-9._*-]+$/,
    'a permission name is letters, digits, ".", "_", "-" and "*" as a wildcard',
  );

const permissionSelector = z
  .object({
    resourceType: z.string().min(1).optional(),
    actions: z
      .array(z.enum(['create', 'read', 'update', 'delete']))
      .min(1)
      .optional(),
  })
  .strict()
  .refine(s => s.resourceType !== undefined || s.actions !== undefined, {
    message: 'a selector needs resourceType, actions or both',
  });

/** What a rule covers: names (with `*` wildcards) or a resource type / action selector. */
export const ruleTargetSchema = z.union([
  permissionPattern,
  z.array(permissionPattern).min(1),
  permissionSelector,
]);

/** Conditions of an allow rule, checked by the catalog on each entity. All must hold. */
export const ruleConditionSchema = z
  .object({
    isOwner: z.literal(true).optional(),
    kinds: z.array(z.string().min(1)).min(1).optional(),
    hasAnnotation: z.string().min(1).optional(),
    hasLabel: z.string().min(1).optional(),
  })
  .strict()
  .refine(c => Object.keys(c).length > 0, {
    message: 'a condition needs isOwner, kinds, hasAnnotation or hasLabel',
  });

export const ruleSchema = z
  .object({
    allow: ruleTargetSchema.optional(),
    deny: ruleTargetSchema.optional(),
    when: ruleConditionSchema.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if ((rule.allow === undefined) === (rule.deny === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'a rule has exactly one of allow or deny',
      });
    }
    if (rule.when && rule.deny !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['when'],
        message:
          'only allow rules take conditions (a conditional deny would allow everything the condition excludes)',
      });
    }
  });

export const roleSchema = z
  .object({
    description: z.string().optional(),
    superuser: z.boolean().optional(),
    rules: z.array(ruleSchema).optional(),
  })
  .strict()
  .refine(r => r.superuser || (r.rules?.length ?? 0) > 0, {
    message: 'a role needs rules or superuser: true',
  });

const memberRef = z
  .string()
  .regex(
    /^(user|group):[^:/\s]+\/[^\s]+$|^service:[^\s]+$/i,
    'a member is user:<namespace>/<name>, group:<namespace>/<name> or service:<subject> (service:plugin:<pluginId> for a backend plugin, service:<subject> for a static or JWKS access token)',
  );

export const bindingSchema = z
  .object({
    role: roleName,
    members: z.array(memberRef).min(1),
  })
  .strict();

const humanDuration = z
  .object({
    days: z.number().nonnegative().optional(),
    hours: z.number().nonnegative().optional(),
    minutes: z.number().nonnegative().optional(),
    seconds: z.number().nonnegative().optional(),
    milliseconds: z.number().nonnegative().optional(),
  })
  .strict();

/** The policy part that may come from app-config or from the YAML file it names. */
export const policyDocumentSchema = z
  .object({
    roles: z.record(roleName, roleSchema).optional(),
    bindings: z.array(bindingSchema).optional(),
  })
  .strict();

export const groupPolicyConfigSchema = policyDocumentSchema
  .extend({
    file: z.string().min(1).optional(),
    defaultRoles: z.array(roleName).optional(),
    catalogRoles: z
      .object({ annotation: z.string().min(1) })
      .strict()
      .optional(),
    graph: z
      .object({
        refresh: humanDuration.optional(),
        maxStaleness: humanDuration.optional(),
      })
      .strict()
      .optional(),
    explain: z
      .object({ pluginsWithPermission: z.array(z.string().min(1)).optional() })
      .strict()
      .optional(),
  })
  .strict();

export type RuleTarget = z.infer<typeof ruleTargetSchema>;
export type RuleCondition = z.infer<typeof ruleConditionSchema>;
export type RuleConfig = z.infer<typeof ruleSchema>;
export type RoleConfig = z.infer<typeof roleSchema>;
export type BindingConfig = z.infer<typeof bindingSchema>;
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type HumanDurationConfig = z.infer<typeof humanDuration>;
