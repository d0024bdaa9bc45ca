import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '@backstage/errors';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DEMO_ROLES, DemoOrg } from './model';
import { validateDemoOrg } from './validate';

/** Lowercase catalog entity name: what people and teams use as `id`. */
const entityId = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(
    /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/,
    'must be lowercase letters and digits, separated by single "-", "_" or "."',
  );

const ldapUid = z
  .string()
  .regex(
    /^[a-z][a-z0-9._-]*$/,
    'must start with a lowercase letter and contain only a-z, 0-9, ".", "_" and "-"',
  );

const nonBlank = z
  .string()
  .refine(value => value.trim() !== '', 'must not be empty or blank');
const positiveId = z.number().int().positive();
const role = z.enum(DEMO_ROLES);

const personSchema = z
  .object({
    id: entityId,
    displayName: nonBlank,
    givenName: nonBlank,
    surname: nonBlank,
    email: z.string().email('must be an email address'),
    ldap: z
      .object({
        uid: ldapUid,
        // Emptiness is reported by validateDemoOrg, with the person's id.
        password: z.string(),
      })
      .strict(),
    github: z
      .object({ login: nonBlank, id: positiveId, nodeId: nonBlank })
      .strict()
      .optional(),
    gitlab: z
      .object({ username: nonBlank, id: positiveId })
      .strict()
      .optional(),
    teams: z.array(entityId).default([]),
    roles: z.array(role).default([]),
    disabled: z.boolean().default(false),
  })
  .strict();

const teamSchema = z
  .object({
    id: entityId,
    name: nonBlank,
    description: z.string().optional(),
    parent: entityId.optional(),
    roles: z.array(role).default([]),
  })
  .strict();

/** The shape of demo-org.yaml. Cross-entry rules live in validateDemoOrg. */
export const demoOrgSchema: z.ZodType<DemoOrg, z.ZodTypeDef, unknown> = z
  .object({
    company: z
      .object({
        name: nonBlank,
        emailDomain: z
          .string()
          .regex(
            /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/,
            'must be a lowercase domain name',
          ),
      })
      .strict(),
    teams: z.array(teamSchema).default([]),
    people: z.array(personSchema).default([]),
  })
  .strict();

/** Path of the demo-org.yaml bundled with this package. */
export function defaultDemoOrgPath(): string {
  const packageJson = require.resolve('@internal/demo-org/package.json');
  return resolve(dirname(packageJson), 'demo-org.yaml');
}

/**
 * Parses and validates a demo organisation from YAML text.
 *
 * @throws InputError naming every offending entry
 */
export function parseDemoOrg(yamlText: string, source = 'demo org'): DemoOrg {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new InputError(
      `${source}: invalid YAML: ${(error as Error).message}`,
    );
  }

  const result = demoOrgSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      issue => `${describePath(raw, issue.path)}: ${issue.message}`,
    );
    throw new InputError(`${source} is invalid:\n- ${problems.join('\n- ')}`);
  }

  validateDemoOrg(result.data, source);
  return result.data;
}

/**
 * Reads, parses and validates a demo organisation; by default the bundled
 * demo-org.yaml, wherever the process runs from.
 */
export function loadDemoOrg(path: string = defaultDemoOrgPath()): DemoOrg {
  return parseDemoOrg(readFileSync(path, 'utf8'), path);
}

/** Renders a zod issue path, naming list entries by their id when they have one. */
function describePath(raw: unknown, path: (string | number)[]): string {
  if (path.length === 0) {
    return '(top level)';
  }
  let text = '';
  let node: unknown = raw;
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
      node = Array.isArray(node) ? node[segment] : undefined;
      const id = idOf(node);
      if (id !== undefined) {
        text += ` (id "${id}")`;
      }
    } else {
      text += text ? `.${segment}` : segment;
      node = isRecord(node) ? node[segment] : undefined;
    }
  }
  return text;
}

function idOf(node: unknown): string | undefined {
  if (isRecord(node) && typeof node.id === 'string') {
    return node.id;
  }
  return undefined;
}

function isRecord(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}
