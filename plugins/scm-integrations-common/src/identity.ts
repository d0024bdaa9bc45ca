import type {
  ActForUserPolicy,
  ScmIdentity,
  ScmIntegrationType,
} from './types';

/**
 * The portal sign-in providers whose OAuth tokens an SCM host accepts.
 *
 * @public
 */
export type ScmSignInProviderId = 'github' | 'gitlab';

/**
 * An integration host as every signed-in user may see it (what
 * `GET /api/scm-integrations/hosts` lists): no credentials.
 *
 * @public
 */
export interface ScmHost {
  integrationType: ScmIntegrationType;
  host: string;
  /** `never`: the portal always uses its own identity here, even with the user's token. */
  actForUser: ActForUserPolicy;
  /**
   * The portal sign-in provider (`auth.providers.<id>`) whose OAuth tokens
   * this host accepts, so that a user can connect their own account; absent
   * when no sign-in provider points at the host.
   */
  userTokenProvider?: ScmSignInProviderId;
}

/**
 * What `POST /api/scm-integrations/identity` answers: as whom the portal acts
 * on a host for the asking user, as the host itself said.
 *
 * @public
 */
export interface ScmIdentityAnswer {
  identity: ScmIdentity;
  /** The account the credential acts as on the host, when the host said. */
  login?: string;
  status: 'ok' | 'error';
  /** A sentence for the person, e.g. `acting for you as alice-andersson`. */
  message: string;
}
