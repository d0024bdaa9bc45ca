import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { catalogPermissions } from '@backstage/plugin-catalog-common/alpha';
import type { Permission } from '@backstage/plugin-permission-common';
import {
  orgSyncManagePermission,
  orgSyncReadPermission,
} from '@identity-portal/plugin-catalog-org-sync-node';
import { scmIntegrationsHealthReadPermission } from '@identity-portal/plugin-scm-integrations-node';
import { groupPolicyInspectPermission } from './inspectPermission';

/** Permissions known without asking any plugin. */
export const BUILT_IN_PERMISSIONS: readonly Permission[] = [
  ...catalogPermissions,
  orgSyncReadPermission,
  orgSyncManagePermission,
  groupPolicyInspectPermission,
  scmIntegrationsHealthReadPermission,
];

/** How long fetched permission metadata is reused. */
const METADATA_TTL_MS = 5 * 60_000;

/**
 * Every permission the portal's plugins declare: the built-in list plus the
 * `/.well-known/backstage/permissions/metadata` of each configured plugin.
 */
export class PermissionDirectory {
  private fetched: { at: number; permissions: Permission[] } | undefined;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      pluginIds: () => readonly string[];
    },
  ) {}

  private async fetchMetadata(pluginId: string): Promise<Permission[]> {
    const base = await this.options.discovery.getBaseUrl(pluginId);
    const { token } = await this.options.auth.getPluginRequestToken({
      onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
      targetPluginId: pluginId,
    });
    const response = await fetch(
      `${base}/.well-known/backstage/permissions/metadata`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    const body = (await response.json()) as { permissions?: Permission[] };
    return body.permissions ?? [];
  }

  /** All known permissions, each name once. Failures to fetch are logged, not fatal. */
  async list(): Promise<Permission[]> {
    if (!this.fetched || Date.now() - this.fetched.at > METADATA_TTL_MS) {
      const results = await Promise.all(
        this.options.pluginIds().map(id =>
          this.fetchMetadata(id).catch(error => {
            this.options.logger.warn(
              `Could not read the permission metadata of plugin '${id}': ${error.message}`,
            );
            return [] as Permission[];
          }),
        ),
      );
      this.fetched = { at: Date.now(), permissions: results.flat() };
    }
    const byName = new Map<string, Permission>();
    for (const p of [...BUILT_IN_PERMISSIONS, ...this.fetched.permissions]) {
      if (!byName.has(p.name)) byName.set(p.name, p);
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async find(name: string): Promise<Permission | undefined> {
    return (await this.list()).find(p => p.name === name);
  }
}
