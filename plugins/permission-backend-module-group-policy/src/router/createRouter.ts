import type {
  AuthService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { OrgGraph } from '../graph/OrgGraph';
import type { OrgGraphLoader } from '../graph/OrgGraphLoader';
import type { PolicyEngine } from '../engine/PolicyEngine';
import { Explainer } from '../explain/Explainer';
import { groupPolicyInspectPermission } from '../permissions/inspectPermission';
import type { PermissionDirectory } from '../permissions/PermissionDirectory';

const userRef = z
  .string()
  .regex(/^user:[^:/\s]+\/\S+$/i, 'a user is user:<namespace>/<name>');

const explainBody = z
  .object({
    user: userRef.optional(),
    permission: z.string().min(1),
    resourceRef: z.string().min(1).optional(),
  })
  .strict();

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(i => `${i.path.join('.') || 'request'}: ${i.message}`)
        .join('; '),
    );
  }
  return result.data;
}

/**
 * Routes under `/api/permission/group-policy` (the permission plugin's own
 * routes stay untouched): who am I to the policy, why a
 * decision, what can a user do, who can do X, the org snapshot, a refresh.
 */
export function createRouter(options: {
  engine: PolicyEngine;
  loader: OrgGraphLoader;
  permissions: PermissionDirectory;
  httpAuth: HttpAuthService;
  auth: AuthService;
  catalog: CatalogService;
}) {
  const { engine, loader, permissions, httpAuth, auth, catalog } = options;
  const explainer = new Explainer(engine);
  const router = Router();
  router.use(express.json());

  /** The caller as the policy names it: a user ref, or `service:<subject>` (e.g. a CI token). */
  async function context(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const principal = credentials.principal;
    const caller = (
      principal.type === 'user'
        ? principal.userEntityRef
        : `service:${principal.subject}`
    ).toLowerCase();
    const usable = await loader.usableFor(caller);
    if (!usable.graph) throw new ServiceUnavailableError(usable.reason);
    return { caller, graph: usable.graph };
  }

  /** The subject of a question: the caller, or another user for inspectors. */
  function subject(
    caller: string,
    graph: OrgGraph,
    requested: string | undefined,
  ) {
    const wanted = requested?.toLowerCase();
    if (wanted && wanted !== caller) requireInspector(caller, graph);
    return wanted ?? caller;
  }

  function requireInspector(caller: string, graph: OrgGraph) {
    const decision = engine.decide(groupPolicyInspectPermission, caller, graph);
    if (decision.result !== 'ALLOW') {
      throw new NotAllowedError(
        `${groupPolicyInspectPermission.name} is needed to ask about other users: ${decision.reason}`,
      );
    }
  }

  async function permissionNamed(name: string) {
    const permission = await permissions.find(name);
    if (!permission) {
      throw new InputError(
        `unknown permission '${name}'; GET /capabilities lists the known ones`,
      );
    }
    return permission;
  }

  router.get('/me', async (req, res) => {
    const { caller, graph } = await context(req);
    const user = subject(
      caller,
      graph,
      req.query.user === undefined ? undefined : parse(userRef, req.query.user),
    );
    res.json({
      ...explainer.me(user, graph),
      graph: loader.status(),
    });
  });

  router.post('/explain', async (req, res) => {
    const { caller, graph } = await context(req);
    const body = parse(explainBody, req.body);
    const user = subject(caller, graph, body.user);
    const permission = await permissionNamed(body.permission);
    let resource;
    if (body.resourceRef) {
      const entity = await catalog.getEntityByRef(body.resourceRef, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      resource = { ref: body.resourceRef, entity };
    }
    res.json(explainer.explain(user, permission, graph, resource));
  });

  router.get('/capabilities', async (req, res) => {
    const { caller, graph } = await context(req);
    const user = subject(
      caller,
      graph,
      req.query.user === undefined ? undefined : parse(userRef, req.query.user),
    );
    res.json({
      user,
      items: explainer.capabilities(user, await permissions.list(), graph),
    });
  });

  router.get('/who-can', async (req, res) => {
    const { caller, graph } = await context(req);
    requireInspector(caller, graph);
    const name = parse(z.string().min(1), req.query.permission);
    const permission = await permissionNamed(name);
    res.json({
      permission: name,
      principals: explainer.whoCan(permission, graph),
    });
  });

  router.get('/snapshot', async (req, res) => {
    const { caller, graph } = await context(req);
    requireInspector(caller, graph);
    res.json(graph.toSnapshot());
  });

  router.post('/refresh', async (req, res) => {
    const { caller, graph } = await context(req);
    requireInspector(caller, graph);
    try {
      await loader.refresh();
    } catch (error) {
      throw new ServiceUnavailableError(
        `the org graph could not be reloaded: ${(error as Error).message}`,
      );
    }
    res.json(loader.status());
  });

  return Router().use('/group-policy', router);
}
