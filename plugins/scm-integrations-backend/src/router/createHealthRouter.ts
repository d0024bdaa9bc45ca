import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { scmIntegrationsHealthReadPermission } from '@identity-portal/plugin-scm-integrations-common';
import express from 'express';
import Router from 'express-promise-router';
import type { IntegrationsHealth } from '../health/IntegrationsHealth';

/** What the health routes work on. */
export interface HealthRouterOptions {
  health: IntegrationsHealth;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/**
 * The health routes, under `/api/scm-integrations`:
 *
 * - `GET  /health`: the last stored report (checked first if there is none)
 * - `POST /health/check`: checks every credential now, stores and returns the report
 *
 * Both need `scm-integrations.health.read`.
 */
export function createHealthRouter(
  options: HealthRouterOptions,
): express.Router {
  const router = Router();

  const authorize = async (req: express.Request) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await options.permissions.authorize(
      [{ permission: scmIntegrationsHealthReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${scmIntegrationsHealthReadPermission.name}`,
      );
    }
  };

  router.get('/health', async (req, res) => {
    await authorize(req);
    res.json(await options.health.latest());
  });

  router.post('/health/check', async (req, res) => {
    await authorize(req);
    res.json(await options.health.check());
  });

  return router;
}
