import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  DefaultAzureDevOpsCredentialsProvider,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import {
  actForUserPolicyOf,
  readScmIntegrationsConfig,
  ScmIntegrationsConfig,
} from '../config/readScmIntegrationsConfig';
import type {
  ScmCredentials,
  ScmCredentialsRequest,
  ScmCredentialsService,
} from '../types';
import {
  findIntegration,
  MatchedIntegration,
  parseRequestUrl,
} from './findIntegration';
import { GithubServiceCredentials } from './service/githubServiceCredentials';
import {
  azureServiceCredential,
  bitbucketCloudServiceCredential,
  bitbucketServerServiceCredential,
  gitlabServiceCredential,
} from './service/otherServiceCredentials';
import type { ServiceCredential } from './service/types';
import { userCredentials } from './userCredentials';

/** What every plugin's broker shares: config and upstream's token caches. */
class SharedState {
  private readonly github = new Map<string, GithubServiceCredentials>();
  private azure?: DefaultAzureDevOpsCredentialsProvider;

  constructor(
    readonly registry: ScmIntegrationRegistry,
    readonly settings: ScmIntegrationsConfig,
  ) {}

  async serviceCredential(
    integration: MatchedIntegration,
    url: URL,
  ): Promise<ServiceCredential> {
    switch (integration.type) {
      case 'github': {
        let github = this.github.get(integration.host);
        if (!github) {
          github = new GithubServiceCredentials(integration.config);
          this.github.set(integration.host, github);
        }
        return github.get(url);
      }
      case 'gitlab':
        return gitlabServiceCredential(integration.config);
      case 'bitbucketCloud':
        return bitbucketCloudServiceCredential(integration.config);
      case 'bitbucketServer':
        return bitbucketServerServiceCredential(integration.config);
      case 'azure':
        this.azure ??= DefaultAzureDevOpsCredentialsProvider.fromIntegrations(
          this.registry,
        );
        return azureServiceCredential(integration.config, this.azure, url);
      default:
        throw new Error(`Unknown integration type`);
    }
  }
}

/**
 * The SCM credentials broker. Use it through `scmCredentialsServiceRef` in a
 * backend; {@link ScmCredentialsBroker.fromConfig} builds one without a
 * backend (tests, benchmarks).
 *
 * Chooses the signed-in user's own token when the caller passes one and
 * `scmIntegrations.actForUser` allows the host; otherwise the portal's
 * service identity from `integrations:` (GitHub App installation token, then
 * the personal access token; GitLab token; Bitbucket; Azure DevOps). Logs one
 * info line per call, never a secret.
 *
 * @public
 */
export class ScmCredentialsBroker implements ScmCredentialsService {
  /**
   * Reads `integrations:` (through `@backstage/integration`) and
   * `scmIntegrations.actForUser`. `pluginId` names the caller in log lines.
   */
  static fromConfig(
    config: Config,
    options: { logger: LoggerService; pluginId?: string },
  ): ScmCredentialsBroker {
    const shared = new SharedState(
      ScmIntegrations.fromConfig(config),
      readScmIntegrationsConfig(config),
    );
    return new ScmCredentialsBroker(shared, options.logger, options.pluginId);
  }

  private readonly logger: LoggerService;

  private constructor(
    private readonly shared: SharedState,
    logger: LoggerService,
    private readonly pluginId: string | undefined,
  ) {
    this.logger = logger.child({ service: 'scm-credentials' });
  }

  /**
   * The same broker (same token caches) for another calling plugin, logging
   * to that plugin's logger.
   */
  forPlugin(pluginId: string, logger: LoggerService): ScmCredentialsBroker {
    return new ScmCredentialsBroker(this.shared, logger, pluginId);
  }

  async getCredentials(
    request: ScmCredentialsRequest,
  ): Promise<ScmCredentials> {
    const url = parseRequestUrl(request.url);
    const integration = findIntegration(this.shared.registry, url);
    const { host, type } = integration;
    const offered = request.onBehalfOf?.token;
    const userEntityRef =
      request.onBehalfOf?.credentials?.principal.userEntityRef;
    const policy = actForUserPolicyOf(this.shared.settings, host);
    const caller = this.pluginId ?? 'unknown';

    if (offered && policy === 'allow') {
      this.logger.info(
        `SCM credentials for ${host}: acting for user ${
          userEntityRef ?? '(unknown)'
        } with their own token (plugin ${caller})`,
        {
          identity: 'user',
          credential: 'user-token',
          host,
          integrationType: type,
          callerPluginId: caller,
          ...(userEntityRef ? { userEntityRef } : {}),
        },
      );
      return userCredentials(integration, offered, userEntityRef);
    }

    const service = await this.shared.serviceCredential(integration, url);
    const notes = [
      offered
        ? `the user's token was offered but scmIntegrations.actForUser is 'never' for ${host}`
        : undefined,
      service.fallbackReason,
      service.credential === 'none'
        ? `${host} has no credentials in integrations.${type}: requests are anonymous (public data only)`
        : undefined,
    ].filter(Boolean);
    this.logger.info(
      `SCM credentials for ${host}: service identity, ${service.credential}${
        service.appId !== undefined ? ` (GitHub App ${service.appId})` : ''
      } (plugin ${caller})${notes.length ? `; ${notes.join('; ')}` : ''}`,
      {
        identity: 'service',
        credential: service.credential,
        host,
        integrationType: type,
        callerPluginId: caller,
        ...(service.appId !== undefined ? { appId: service.appId } : {}),
        ...(userEntityRef ? { userEntityRef } : {}),
      },
    );
    return {
      headers: service.headers,
      ...(service.token ? { token: service.token } : {}),
      identity: {
        kind: 'service',
        host,
        integrationType: type,
        credential: service.credential,
        ...(service.appId !== undefined ? { appId: service.appId } : {}),
      },
    };
  }
}
