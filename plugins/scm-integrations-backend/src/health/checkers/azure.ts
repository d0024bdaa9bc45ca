import type {
  AzureDevOpsCredential,
  AzureIntegrationConfig,
} from '@backstage/integration';
import { CheckFailure, callApi, failureOf } from './http';
import { fingerprint } from './fingerprint';
import { listedScopeGranted } from './scopes';
import type { CredentialCheck } from './types';

type ConnectionData = {
  authenticatedUser?: {
    providerDisplayName?: string;
    properties?: { Account?: { $value?: string } };
  };
};

function patCheck(
  host: string,
  credential: AzureDevOpsCredential & { kind: 'PersonalAccessToken' },
  index: number,
): CredentialCheck {
  const pat = credential.personalAccessToken;
  const organization = credential.organizations?.[0];
  const base = organization
    ? `https://${host}/${organization}`
    : `https://${host}`;
  return {
    id: `credentials[${index}]`,
    kind: 'azure-pat',
    label: `personal access token …${fingerprint(pat)}${
      credential.organizations?.length
        ? ` (${credential.organizations.join(', ')})`
        : ''
    }`,
    requires: 'nothing',
    isGranted: listedScopeGranted,
    secrets: [pat],
    async run(context) {
      const answer = await callApi(
        `${base}/_apis/connectionData`,
        {
          headers: {
            authorization: `Basic ${Buffer.from(`:${pat}`).toString('base64')}`,
          },
        },
        context,
      );
      // Azure DevOps answers a refused PAT with 203 and a sign-in page.
      if (answer.status === 203 || typeof answer.body !== 'object') {
        throw new CheckFailure('401: token revoked or invalid');
      }
      if (answer.status !== 200) {
        throw failureOf(answer, 'GET /_apis/connectionData');
      }
      const user = (answer.body as ConnectionData).authenticatedUser;
      const login =
        user?.properties?.Account?.$value ?? user?.providerDisplayName;
      if (!login || login === 'Anonymous') {
        throw new CheckFailure(
          'answered anonymously: the token was not accepted',
        );
      }
      return { login, grantedScopes: null };
    },
  };
}

const AZURE_KINDS = {
  ClientSecret: 'azure-client-secret',
  ManagedIdentity: 'azure-managed-identity',
  ManagedIdentityClientAssertion: 'azure-managed-identity',
} as const;

/**
 * Azure DevOps: each personal access token is checked with
 * `GET https://<host>/<first organization>/_apis/connectionData` (Basic,
 * empty user name). Microsoft Entra credentials (client secret, managed
 * identity) are left `unchecked`: their tokens come from Entra, not from
 * Azure DevOps.
 */
export function azureChecks(config: AzureIntegrationConfig): CredentialCheck[] {
  return (config.credentials ?? []).map((credential, index) => {
    if (credential.kind === 'PersonalAccessToken') {
      return patCheck(config.host, credential, index);
    }
    return {
      id: `credentials[${index}]`,
      kind: AZURE_KINDS[credential.kind],
      label: `${credential.kind} ${credential.clientId ?? ''}`.trim(),
      requires: 'nothing',
      isGranted: listedScopeGranted,
      secrets: [],
      notChecked: 'Microsoft Entra credentials are not checked from the portal',
    } satisfies CredentialCheck;
  });
}
