import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ZodError } from 'zod';
import {
  groupPolicyConfigSchema,
  policyDocumentSchema,
  type BindingConfig,
  type HumanDurationConfig,
  type RoleConfig,
} from './schema';

/** The config key everything of this module lives under. */
export const CONFIG_ROOT = 'permission.groupPolicy';

/** The validated policy: roles, bindings and how the org graph is kept. */
export type GroupPolicyConfig = {
  roles: ReadonlyMap<string, RoleConfig>;
  bindings: readonly BindingConfig[];
  defaultRoles: readonly string[];
  /** Annotation on User and Group entities that lists role names, if enabled. */
  catalogRolesAnnotation?: string;
  graph: { refreshMs: number; maxStalenessMs: number };
  /** Plugins whose permission metadata feeds explain, capabilities and the lint. */
  pluginsWithPermission: readonly string[];
  /** Absolute path of the policy file, when one is named. */
  file?: string;
  /** A short hash of the effective policy, shown in explanations. */
  version: string;
};

const DEFAULT_REFRESH_MS = 5 * 60_000;
const DEFAULT_MAX_STALENESS_MS = 30 * 60_000;

function durationMs(d: HumanDurationConfig | undefined, fallback: number) {
  if (!d) return fallback;
  return (
    (d.days ?? 0) * 86_400_000 +
    (d.hours ?? 0) * 3_600_000 +
    (d.minutes ?? 0) * 60_000 +
    (d.seconds ?? 0) * 1000 +
    (d.milliseconds ?? 0)
  );
}

function formatPath(path: (string | number)[]): string {
  return path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      return i === 0 ? p : `.${p}`;
    })
    .join('');
}

function describeZodError(where: string, error: ZodError): string {
  return error.issues
    .map(issue => {
      const key = formatPath(issue.path);
      return `${where}${
        key ? `${where.endsWith(':') ? ' ' : '.'}${key}` : ''
      }: ${issue.message}`;
    })
    .join('; ');
}

function readPolicyFile(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `${CONFIG_ROOT}.file: cannot read ${path}: ${(error as Error).message}`,
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError(
      `${CONFIG_ROOT}.file: ${path} is not valid YAML: ${
        (error as Error).message
      }`,
    );
  }
  const parsed = policyDocumentSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new InputError(
      `Invalid permission policy: ${describeZodError(
        `${path}:`,
        parsed.error,
      )}`,
    );
  }
  return parsed.data;
}

function checkRoleReferences(
  roles: ReadonlyMap<string, RoleConfig>,
  bindings: readonly BindingConfig[],
  defaultRoles: readonly string[],
) {
  const problems: string[] = [];
  bindings.forEach((binding, i) => {
    if (!roles.has(binding.role)) {
      problems.push(
        `${CONFIG_ROOT}.bindings[${i}].role: no role named '${binding.role}'`,
      );
    }
  });
  defaultRoles.forEach((role, i) => {
    if (!roles.has(role)) {
      problems.push(
        `${CONFIG_ROOT}.defaultRoles[${i}]: no role named '${role}'`,
      );
    }
  });
  if (problems.length) {
    throw new InputError(`Invalid permission policy: ${problems.join('; ')}`);
  }
}

/**
 * Reads and validates `permission.groupPolicy` and the policy file it names.
 * Throws an `InputError` naming every offending key; never returns a partial
 * policy.
 */
export function readGroupPolicyConfig(
  config: Config,
  options: { workingDirectory?: string } = {},
): GroupPolicyConfig {
  const raw = config.getOptional(CONFIG_ROOT);
  if (raw === undefined) {
    throw new InputError(
      `${CONFIG_ROOT} is missing: the group policy module needs at least one role and binding (see its README)`,
    );
  }
  const parsed = groupPolicyConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(
      `Invalid permission policy: ${describeZodError(
        CONFIG_ROOT,
        parsed.error,
      )}`,
    );
  }
  const cfg = parsed.data;
  const roles = new Map(Object.entries(cfg.roles ?? {}));
  const bindings = [...(cfg.bindings ?? [])];
  let file: string | undefined;
  if (cfg.file) {
    file = resolve(options.workingDirectory ?? process.cwd(), cfg.file);
    const doc = readPolicyFile(file);
    for (const [name, role] of Object.entries(doc.roles ?? {})) {
      if (roles.has(name)) {
        throw new InputError(
          `Invalid permission policy: role '${name}' is defined both in ${CONFIG_ROOT}.roles and in ${file}`,
        );
      }
      roles.set(name, role);
    }
    bindings.push(...(doc.bindings ?? []));
  }
  const defaultRoles = cfg.defaultRoles ?? [];
  checkRoleReferences(roles, bindings, defaultRoles);

  const effective = {
    roles: Object.fromEntries(roles),
    bindings,
    defaultRoles,
    catalogRolesAnnotation: cfg.catalogRoles?.annotation,
  };
  return {
    ...effective,
    roles,
    graph: {
      refreshMs: durationMs(cfg.graph?.refresh, DEFAULT_REFRESH_MS),
      maxStalenessMs: durationMs(
        cfg.graph?.maxStaleness,
        DEFAULT_MAX_STALENESS_MS,
      ),
    },
    pluginsWithPermission: cfg.explain?.pluginsWithPermission ?? ['catalog'],
    file,
    version: createHash('sha256')
      .update(JSON.stringify(effective))
      .digest('hex')
      .slice(0, 12),
  };
}
