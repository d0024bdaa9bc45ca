import type { IntegrationsConfigProblem } from '../types';
import {
  error,
  isObject,
  RawIntegration,
  RawObject,
  stringField,
} from './rawIntegrations';

const has = (value: RawObject, field: string) => {
  const v = stringField(value, field);
  return v !== undefined && v.trim() !== '';
};

function checkBitbucketCloud({ key, value }: RawIntegration) {
  const problems: IntegrationsConfigProblem[] = [];
  const secret = has(value, 'appPassword') || has(value, 'token');
  if (has(value, 'username') && !secret) {
    problems.push(
      error(
        `${key}.username`,
        'is set but neither appPassword nor token is; add an API token (token) or an app password (appPassword) of this user',
      ),
    );
  }
  if (secret && !has(value, 'username')) {
    problems.push(
      error(
        `${key}.username`,
        'is required with appPassword or token (the Bitbucket username, or the Atlassian account email for an API token)',
      ),
    );
  }
  if (has(value, 'clientId') !== has(value, 'clientSecret')) {
    const missing = has(value, 'clientId') ? 'clientSecret' : 'clientId';
    problems.push(
      error(
        `${key}.${missing}`,
        'is required: an OAuth consumer needs both clientId and clientSecret',
      ),
    );
  }
  return problems;
}

function checkBitbucketServer({ key, value }: RawIntegration) {
  if (has(value, 'username') === has(value, 'password')) return [];
  const missing = has(value, 'username') ? 'password' : 'username';
  return [
    error(
      `${key}.${missing}`,
      'is required: basic authentication needs both username and password',
    ),
  ];
}

function checkAzure({ key, value }: RawIntegration) {
  const problems: IntegrationsConfigProblem[] = [];
  for (const removed of ['token', 'credential']) {
    if (value[removed] !== undefined) {
      problems.push(
        error(
          `${key}.${removed}`,
          'is no longer supported; use credentials: [{ personalAccessToken: … }] or a service principal / managed identity in credentials',
        ),
      );
    }
  }
  const credentials = value.credentials;
  if (!Array.isArray(credentials)) return problems;
  credentials.forEach((credential, index) => {
    const credentialKey = `${key}.credentials[${index}]`;
    if (!isObject(credential)) {
      problems.push(error(credentialKey, 'must be an object'));
      return;
    }
    if (
      !has(credential, 'personalAccessToken') &&
      !has(credential, 'clientId')
    ) {
      problems.push(
        error(
          credentialKey,
          'has neither personalAccessToken nor clientId; set a personalAccessToken, or clientId with tenantId and clientSecret (service principal), or clientId alone (managed identity)',
        ),
      );
    } else if (
      has(credential, 'clientSecret') &&
      !has(credential, 'tenantId')
    ) {
      problems.push(
        error(
          `${credentialKey}.tenantId`,
          'is required with clientId and clientSecret (the Microsoft Entra tenant of the service principal)',
        ),
      );
    }
  });
  return problems;
}

/** Credentials that are half there: Bitbucket Cloud and Server, Azure DevOps. */
export function checkCredentials(
  integrations: RawIntegration[],
): IntegrationsConfigProblem[] {
  return integrations.flatMap(integration => {
    switch (integration.type) {
      case 'bitbucketCloud':
        return checkBitbucketCloud(integration);
      case 'bitbucketServer':
        return checkBitbucketServer(integration);
      case 'azure':
        return checkAzure(integration);
      default:
        return [];
    }
  });
}
