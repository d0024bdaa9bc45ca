import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  NotFoundError,
  ConflictError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  orgSyncManagePermission,
  orgSyncReadPermission,
} from '@identity-portal/plugin-catalog-org-sync-node';
import express from 'express';
import Router from 'express-promise-router';
import type { OrgSyncEntityProvider } from '../provider/OrgSyncEntityProvider';
import type { RetainedOrgProvider } from '../provider/RetainedOrgProvider';
import type { SnapshotStore } from '../store/SnapshotStore';
import type { StatusStore } from '../store/StatusStore';

/** What the org sync routes work on. */
export type OrgSyncRouterOptions = {
  providers: OrgSyncEntityProvider[];
  retained: RetainedOrgProvider[];
  snapshots: SnapshotStore;
  statuses: StatusStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
};

/**
 * Operator routes, mounted under the catalog plugin (`/api/catalog/org-sync`):
 *
 * - `GET  /providers`: status of every provider, configured or orphaned
 * - `GET  /providers/:id`: status of one
 * - `POST /providers/:id/sync`: run a sync now (on the replica that gets the lock)
 * - `POST /providers/:id/dry-run`: read and plan, return the diff, commit nothing
 * - `POST /providers/:id/release`: remove what an orphaned provider still owns
 *
 * Reading needs `catalog.org-sync.read`; the rest `catalog.org-sync.manage`.
 */
export function createOrgSyncRouter(
  options: OrgSyncRouterOptions,
): express.Router {
  const router = Router();
  router.use(express.json());

  const authorize = async (
    req: express.Request,
    permission: BasicPermission,
  ) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await options.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
  };
  const configured = (id: string) => {
    const provider = options.providers.find(p => p.id === id);
    if (!provider) {
      throw new NotFoundError(`No configured org sync provider '${id}'`);
    }
    return provider;
  };
  const describe = async (id: string, state: 'configured' | 'orphaned') => {
    const committed = (await options.snapshots.listProviders()).find(
      p => p.providerId === id,
    );
    return {
      providerId: id,
      state,
      committed: {
        users: committed?.users ?? 0,
        groups: committed?.groups ?? 0,
      },
      ...(await options.statuses.get(id)),
    };
  };

  router.get('/org-sync/providers', async (req, res) => {
    await authorize(req, orgSyncReadPermission);
    const items = [];
    for (const provider of options.providers) {
      items.push(await describe(provider.id, 'configured'));
    }
    for (const retained of options.retained) {
      items.push(await describe(retained.id, 'orphaned'));
    }
    res.json({ items });
  });

  router.get('/org-sync/providers/:id', async (req, res) => {
    await authorize(req, orgSyncReadPermission);
    const { id } = req.params;
    if (options.retained.some(r => r.id === id)) {
      res.json(await describe(id, 'orphaned'));
      return;
    }
    res.json(await describe(configured(id).id, 'configured'));
  });

  router.post('/org-sync/providers/:id/sync', async (req, res) => {
    await authorize(req, orgSyncManagePermission);
    await configured(req.params.id).trigger();
    res.status(202).json({ triggered: true });
  });

  router.post('/org-sync/providers/:id/dry-run', async (req, res) => {
    await authorize(req, orgSyncManagePermission);
    res.json(await configured(req.params.id).refresh({ dryRun: true }));
  });

  router.post('/org-sync/providers/:id/release', async (req, res) => {
    await authorize(req, orgSyncManagePermission);
    const { id } = req.params;
    const retained = options.retained.find(r => r.id === id);
    if (!retained) {
      if (options.providers.some(p => p.id === id)) {
        throw new ConflictError(
          `Org sync provider '${id}' is configured; only providers that are no longer configured can be released`,
        );
      }
      throw new NotFoundError(`No orphaned org sync provider '${id}'`);
    }
    await retained.release();
    options.retained.splice(options.retained.indexOf(retained), 1);
    res.json({ released: id });
  });

  return router;
}
