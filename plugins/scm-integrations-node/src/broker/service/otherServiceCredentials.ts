import {
  AzureDevOpsCredentialsProvider,
  AzureIntegrationConfig,
  BitbucketCloudIntegrationConfig,
  BitbucketServerIntegrationConfig,
  getBitbucketCloudRequestOptions,
  getBitbucketServerRequestOptions,
  getGitLabRequestOptions,
  GitLabIntegrationConfig,
} from '@backstage/integration';
import type { ScmServiceCredentialKind } from '../../types';
import { NO_CREDENTIAL, ServiceCredential } from './types';

const bearer = (headers: Record<string, string>) =>
  headers.Authorization?.startsWith('Bearer ')
    ? headers.Authorization.slice('Bearer '.length)
    : undefined;

/** GitLab: the integration's token, sent as `Authorization: Bearer`. */
export function gitlabServiceCredential(
  config: GitLabIntegrationConfig,
): ServiceCredential {
  if (!config.token) return NO_CREDENTIAL;
  const { headers } = getGitLabRequestOptions(config);
  return { credential: 'gitlab-token', headers, token: config.token };
}

/**
 * Bitbucket Cloud, in upstream's order: an OAuth consumer (client
 * credentials, a token from bitbucket.org), else username with an API token
 * or an app password (basic authentication).
 */
export async function bitbucketCloudServiceCredential(
  config: BitbucketCloudIntegrationConfig,
): Promise<ServiceCredential> {
  let credential: ScmServiceCredentialKind;
  if (config.clientId && config.clientSecret) {
    credential = 'bitbucket-oauth-client';
  } else if (config.username && config.token) {
    credential = 'personal-access-token';
  } else if (config.username && config.appPassword) {
    credential = 'bitbucket-app-password';
  } else {
    return NO_CREDENTIAL;
  }
  const { headers } = await getBitbucketCloudRequestOptions(config);
  return { credential, headers, token: bearer(headers) };
}

/** Bitbucket Server: a token (bearer), else username and password (basic). */
export function bitbucketServerServiceCredential(
  config: BitbucketServerIntegrationConfig,
): ServiceCredential {
  const { headers } = getBitbucketServerRequestOptions(config);
  if (config.token) {
    return {
      credential: 'personal-access-token',
      headers,
      token: config.token,
    };
  }
  if (headers.Authorization) return { credential: 'basic-auth', headers };
  return NO_CREDENTIAL;
}

const AZURE_KINDS: Record<string, ScmServiceCredentialKind> = {
  PersonalAccessToken: 'azure-pat',
  ClientSecret: 'azure-client-secret',
  ManagedIdentity: 'azure-managed-identity',
  ManagedIdentityClientAssertion: 'azure-managed-identity',
};

/** The Azure DevOps organization (or collection) a URL is about. */
function azureOrganizationOf(url: URL): string | undefined {
  const parts = url.pathname.split('/').filter(Boolean);
  return parts[0] === 'tfs' ? parts[1] : parts[0];
}

/**
 * Azure DevOps: the configured credential for the URL's organization (or the
 * one without organizations), resolved by upstream's
 * `DefaultAzureDevOpsCredentialsProvider`. Without a configured credential
 * the request is anonymous (upstream's implicit `DefaultAzureCredential` for
 * dev.azure.com is not used).
 */
export async function azureServiceCredential(
  config: AzureIntegrationConfig,
  provider: AzureDevOpsCredentialsProvider,
  url: URL,
): Promise<ServiceCredential> {
  const organization = azureOrganizationOf(url);
  const credentials = config.credentials ?? [];
  const configured =
    credentials.find(
      c => organization && c.organizations?.includes(organization),
    ) ?? credentials.find(c => !c.organizations?.length);
  if (!configured) return NO_CREDENTIAL;
  const result = await provider.getCredentials({ url: url.toString() });
  if (!result) return NO_CREDENTIAL;
  return {
    credential: AZURE_KINDS[configured.kind],
    headers: result.headers,
    token: result.token,
  };
}
