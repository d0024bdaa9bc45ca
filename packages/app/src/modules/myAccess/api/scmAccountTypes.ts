/** What `/api/scm-integrations/hosts` and `/identity` answer (plugins/scm-integrations-backend). */

export type ScmIntegrationType =
  | 'github'
  | 'gitlab'
  | 'bitbucketCloud'
  | 'bitbucketServer'
  | 'azure';

/** An integration host as every signed-in user sees it. */
export interface ScmHost {
  integrationType: ScmIntegrationType;
  host: string;
  /** `never`: the portal always uses its own identity here, even with your token. */
  actForUser: 'allow' | 'never';
  /** The sign-in provider whose token this host accepts; absent: connecting is not offered. */
  userTokenProvider?: 'github' | 'gitlab';
}

/** Which identity the portal's requests to a host use. */
export type ScmIdentity =
  | {
      kind: 'user';
      host: string;
      integrationType: ScmIntegrationType;
      userEntityRef?: string;
    }
  | {
      kind: 'service';
      host: string;
      integrationType: ScmIntegrationType;
      credential: string;
      appId?: string | number;
    };

/** As whom the portal acts for you on one host, as the host itself said. */
export interface ScmIdentityAnswer {
  identity: ScmIdentity;
  login?: string;
  status: 'ok' | 'error';
  message: string;
}
