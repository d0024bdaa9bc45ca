import type {
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { ScmCredentialsService } from '@identity-portal/plugin-scm-integrations-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { HostDirectory } from '../identity/hostDirectory';
import { assertWhoAmISupported, whoAmI } from '../identity/whoAmI';

/** What the identity routes work on. */
export interface IdentityRouterOptions {
  hosts: HostDirectory;
  scmCredentials: ScmCredentialsService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  /** How long the host's "who am I" may take. */
  timeoutMs: number;
}

/** The header that carries the signed-in user's own SCM token. */
export const USER_TOKEN_HEADER = 'x-scm-authorization';

const identityRequest = z.object({ host: z.string().min(1) }).strict();

/** The user's own token from `X-Scm-Authorization: Bearer <token>`, if sent. */
function userTokenOf(req: express.Request): string | undefined {
  const header = req.header(USER_TOKEN_HEADER);
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new InputError(
      `${USER_TOKEN_HEADER} must be 'Bearer <your SCM token>'`,
    );
  }
  return match[1];
}

/**
 * The routes every signed-in user may call, under `/api/scm-integrations`:
 *
 * - `GET  /hosts`: the integration hosts, whether the portal may act for the
 *   user there, and which sign-in provider gives a token for them
 * - `POST /identity` `{ host }`, optional `X-Scm-Authorization: Bearer <the
 *   user's own SCM token>`: as whom the portal acts on that host for this
 *   user, asked of the host itself
 */
export function createIdentityRouter(
  options: IdentityRouterOptions,
): express.Router {
  const { hosts, httpAuth, logger } = options;
  const router = Router();
  router.use(express.json());

  router.get('/hosts', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user'] });
    res.json(hosts.list());
  });

  router.post('/identity', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const parsed = identityRequest.safeParse(req.body);
    if (!parsed.success) {
      throw new InputError(
        `The body must be { "host": "<integration host>" }: ${parsed.error.issues
          .map(i => `${i.path.join('.') || 'body'}: ${i.message}`)
          .join('; ')}`,
      );
    }
    const entry = hosts.find(parsed.data.host);
    assertWhoAmISupported(entry);
    const token = userTokenOf(req);
    const scm = await options.scmCredentials.getCredentials({
      url: entry.apiBaseUrl!,
      ...(token && { onBehalfOf: { token, credentials } }),
    });
    const answer = await whoAmI(entry, scm, options.timeoutMs);
    const { identity } = answer;
    logger.info(
      `SCM identity on ${entry.host} for ${
        credentials.principal.userEntityRef
      }: ${identity.kind} identity${
        identity.kind === 'service' ? ` (${identity.credential})` : ''
      }${token ? ', own token offered' : ''} → ${answer.status}: ${
        answer.message
      }`,
    );
    res.json(answer);
  });

  return router;
}
