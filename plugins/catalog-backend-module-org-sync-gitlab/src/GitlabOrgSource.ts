import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  OrgSource,
  OrgSourceReadResult,
} from '@identity-portal/plugin-catalog-org-sync-node';
import type { ScmCredentialsService } from '@identity-portal/plugin-scm-integrations-node';
import { GitlabClient, type Sleep } from './client/GitlabClient';
import type { RetryTiming } from './client/retryDelay';
import type { GitlabSourceConfig } from './config/types';
import { readGitlabOrg } from './read/readGitlabOrg';

/** What a {@link GitlabOrgSource} is made of. */
export interface GitlabOrgSourceOptions {
  sourceId: string;
  config: GitlabSourceConfig;
  /** `https://gitlab.example.com/api/v4`. */
  apiBaseUrl: string;
  /** The SCM credentials broker, asked once per read. */
  scmCredentials: ScmCredentialsService;
  /** Host name without port, for annotation keys. */
  hostname: string;
  logger: LoggerService;
  /** Retry timing and sleep (tests). */
  timing?: Partial<RetryTiming>;
  sleep?: Sleep;
}

/** One configured GitLab group tree. */
export class GitlabOrgSource implements OrgSource {
  readonly type = 'gitlab';
  readonly id: string;

  constructor(private readonly options: GitlabOrgSourceOptions) {
    this.id = options.sourceId;
  }

  async read(options: { signal: AbortSignal }): Promise<OrgSourceReadResult> {
    const { headers } = await this.options.scmCredentials.getCredentials({
      url: this.options.apiBaseUrl,
    });
    const client = new GitlabClient({
      apiBaseUrl: this.options.apiBaseUrl,
      headers,
      maxRetries: this.options.config.maxRetries,
      logger: this.options.logger,
      timing: this.options.timing,
      sleep: this.options.sleep,
    });
    return readGitlabOrg({
      client,
      config: this.options.config,
      hostname: this.options.hostname,
      logger: this.options.logger,
      signal: options.signal,
    });
  }
}
