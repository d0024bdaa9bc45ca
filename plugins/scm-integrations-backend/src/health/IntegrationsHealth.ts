import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  CredentialHealth,
  HealthReport,
  HostHealth,
  IntegrationConsumer,
  IntegrationsConfigProblem,
} from '@identity-portal/plugin-scm-integrations-common';
import type { HealthStore, StoredCredentialHealth } from '../store/HealthStore';
import { checkCredential, CheckSettings } from './checkCredential';
import { IntegrationHost, sameHost } from './integrationHosts';

/** What the health of the integrations is computed from. */
export interface IntegrationsHealthOptions {
  hosts: IntegrationHost[];
  consumers: IntegrationConsumer[];
  problems: IntegrationsConfigProblem[];
  actForUser(host: string): 'allow' | 'never';
  settings: CheckSettings;
  store: HealthStore;
  logger: LoggerService;
}

const TYPE_TITLES: Record<string, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucketCloud: 'Bitbucket Cloud',
  bitbucketServer: 'Bitbucket Server',
  azure: 'Azure DevOps',
};

const keyOf = (type: string, host: string, id: string) =>
  `${type}|${host.toLowerCase()}|${id}`;

/**
 * Checks every integration credential, stores the results and assembles the
 * report: the hosts and consumers from config, each credential's latest
 * stored check (`unchecked` until it has one).
 */
export class IntegrationsHealth {
  private running: Promise<HealthReport> | undefined;

  constructor(private readonly options: IntegrationsHealthOptions) {}

  /** Checks every credential now (joining a run in progress), stores and reports. */
  check(): Promise<HealthReport> {
    this.running ??= this.runChecks().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * The stored report; runs the checks first when a configured credential
   * has no stored result yet (first start, or a credential added since).
   */
  async latest(): Promise<HealthReport> {
    const stored = await this.options.store.list();
    const known = new Set(
      stored.map(e => keyOf(e.integrationType, e.host, e.health.id)),
    );
    const unchecked = this.options.hosts.some(host =>
      host.checks.some(
        check => !known.has(keyOf(host.integrationType, host.host, check.id)),
      ),
    );
    return unchecked ? this.check() : this.report(stored);
  }

  private usedBy(host: IntegrationHost): IntegrationConsumer[] {
    return this.options.consumers.filter(c => sameHost(host, c));
  }

  private async runChecks(): Promise<HealthReport> {
    const { hosts, settings, store } = this.options;
    const results = await Promise.all(
      hosts.flatMap(host =>
        host.checks.map(
          async (check): Promise<StoredCredentialHealth> => ({
            integrationType: host.integrationType,
            host: host.host,
            health: await checkCredential(check, this.usedBy(host), settings),
          }),
        ),
      ),
    );
    const before = await store.list();
    await store.replaceAll(results);
    this.logChanges(before, results);
    return this.report(results);
  }

  private logChanges(
    before: StoredCredentialHealth[],
    after: StoredCredentialHealth[],
  ): void {
    const previous = new Map(
      before.map(e => [keyOf(e.integrationType, e.host, e.health.id), e]),
    );
    for (const entry of after) {
      const { health } = entry;
      const was = previous.get(
        keyOf(entry.integrationType, entry.host, health.id),
      )?.health.status;
      if (was === health.status) {
        continue;
      }
      const line = `${TYPE_TITLES[entry.integrationType]} ${entry.host} ${
        health.label
      }: ${was ?? 'first check'} → ${health.status}: ${health.message}`;
      if (health.status === 'ok' || health.status === 'unchecked') {
        this.options.logger.info(line);
      } else {
        this.options.logger.warn(line);
      }
    }
  }

  private report(stored: StoredCredentialHealth[]): HealthReport {
    const byKey = new Map(
      stored.map(e => [
        keyOf(e.integrationType, e.host, e.health.id),
        e.health,
      ]),
    );
    const hosts: HostHealth[] = this.options.hosts.map(host => ({
      integrationType: host.integrationType,
      host: host.host,
      ...(host.apiBaseUrl && { apiBaseUrl: host.apiBaseUrl }),
      usedBy: this.usedBy(host),
      actForUser: this.options.actForUser(host.host),
      credentials: host.checks.map(
        (check): CredentialHealth =>
          byKey.get(keyOf(host.integrationType, host.host, check.id)) ?? {
            id: check.id,
            kind: check.kind,
            label: check.label,
            status: 'unchecked',
            message: 'not checked yet',
            checkedAt: new Date(0).toISOString(),
            durationMs: 0,
          },
      ),
    }));
    const times = stored.map(e => e.health.checkedAt).sort();
    return {
      checkedAt: times[times.length - 1] ?? new Date().toISOString(),
      config: { problems: this.options.problems },
      hosts,
    };
  }
}
