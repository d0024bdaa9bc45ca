/**
 * The permissions the benchmark asks about: the catalog's and the
 * scaffolder's as their packages define them, plus a few of other plugins.
 * Wildcards and selectors in the synthetic roles are expanded against this
 * list when the roles are written as RHDH policies (RHDH has neither).
 */

export type PermissionAction = 'create' | 'read' | 'update' | 'delete';

/** A permission as `POST /api/permission/authorize` receives it. */
export type BenchPermission =
  | {
      type: 'basic';
      name: string;
      attributes: { action?: PermissionAction };
    }
  | {
      type: 'resource';
      name: string;
      attributes: { action?: PermissionAction };
      resourceType: string;
    };

function basic(name: string, action?: PermissionAction): BenchPermission {
  return { type: 'basic', name, attributes: action ? { action } : {} };
}

function resource(
  name: string,
  resourceType: string,
  action?: PermissionAction,
): BenchPermission {
  return {
    type: 'resource',
    name,
    attributes: action ? { action } : {},
    resourceType,
  };
}

export const PERMISSIONS: readonly BenchPermission[] = [
  resource('catalog.entity.read', 'catalog-entity', 'read'),
  basic('catalog.entity.create', 'create'),
  resource('catalog.entity.refresh', 'catalog-entity', 'update'),
  resource('catalog.entity.delete', 'catalog-entity', 'delete'),
  basic('catalog.entity.validate'),
  basic('catalog.location.read', 'read'),
  basic('catalog.location.create', 'create'),
  basic('catalog.location.analyze'),
  basic('catalog.location.delete', 'delete'),
  basic('catalog.ingestion.read', 'read'),
  basic('catalog.ingestion.manage', 'update'),
  resource('scaffolder.action.execute', 'scaffolder-action'),
  resource('scaffolder.template.parameter.read', 'scaffolder-template', 'read'),
  resource('scaffolder.template.step.read', 'scaffolder-template', 'read'),
  basic('scaffolder.template.dry-run'),
  resource('scaffolder.task.read', 'scaffolder-task', 'read'),
  basic('scaffolder.task.create', 'create'),
  resource('scaffolder.task.cancel', 'scaffolder-task'),
  basic('scaffolder.template.management'),
  basic('kubernetes.proxy'),
  basic('kubernetes.resources.read', 'read'),
  basic('kubernetes.clusters.read', 'read'),
  basic('search.query.read', 'read'),
  basic('techdocs.entity.read.docs', 'read'),
  basic('signals.channel.subscribe', 'read'),
  basic('notifications.send', 'create'),
];

/**
 * The permissions the conditional (owner) rules of the synthetic roles are
 * about. Their decisions can be CONDITIONAL, which the permission backend
 * resolves with a call to the catalog; the HTTP batches leave them out so
 * that every contender answers from its policy alone (see the README).
 */
export const CONDITIONAL_PERMISSIONS: ReadonlySet<string> = new Set([
  'catalog.entity.refresh',
  'catalog.entity.delete',
]);

export function findPermission(name: string): BenchPermission {
  const permission = PERMISSIONS.find(p => p.name === name);
  if (!permission) {
    throw new Error(`unknown permission ${name}`);
  }
  return permission;
}
