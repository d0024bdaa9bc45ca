import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { OrgGraph } from './OrgGraph';

const MAX_TIMER_MS = 2 ** 31 - 1;

/** A graph younger than this is not reloaded because of an unknown user. */
const UNKNOWN_USER_RELOAD_MS = 10_000;

/** After a failed load, decisions wait this long before trying again. */
const RETRY_AFTER_FAILURE_MS = 5000;

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.profile.displayName',
  'spec.memberOf',
  'spec.parent',
  'relations',
];

/** The graph a decision may use, or why there is none. */
export type UsableGraph =
  | { graph: OrgGraph; reason?: undefined }
  | { graph?: undefined; reason: string };

export type GraphStatus = {
  loadedAt?: string;
  ageSeconds?: number;
  stale: boolean;
  users: number;
  groups: number;
  lastError?: string;
  lastLoadMs?: number;
};

/**
 * Keeps the org graph in memory, loaded through the catalog API with the
 * permission plugin's own credentials. Rebuilds are single-flight; a graph
 * older than `maxStalenessMs` is not used for decisions.
 */
export class OrgGraphLoader {
  private graph: OrgGraph | undefined;
  private inFlight: Promise<OrgGraph> | undefined;
  private lastError: string | undefined;
  private lastLoadMs: number | undefined;
  private lastFailureAt = -Infinity;
  /** Set by a timer when the current graph passes the staleness limit (no clock read per decision). */
  private staleFlag = true;
  private staleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      maxStalenessMs: number;
      rolesAnnotation?: string;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /** Applies a new policy's graph settings; a changed role annotation reloads. */
  configure(settings: { maxStalenessMs: number; rolesAnnotation?: string }) {
    const reload = settings.rolesAnnotation !== this.options.rolesAnnotation;
    Object.assign(this.options, settings);
    this.armStaleTimer();
    if (reload && this.graph) {
      this.refresh().catch(() => {
        // reported by refresh
      });
    }
  }

  /** Loads the graph now, or joins the load already running. */
  refresh(): Promise<OrgGraph> {
    if (!this.inFlight) {
      this.inFlight = this.load().finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  private async load(): Promise<OrgGraph> {
    const started = this.now();
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const entities: Entity[] = [];
      for await (const page of this.options.catalog.streamEntities(
        {
          filter: [{ kind: 'user' }, { kind: 'group' }],
          fields: FIELDS,
          pageSize: 1000,
        },
        { credentials },
      )) {
        entities.push(...page);
      }
      const graph = OrgGraph.fromEntities(entities, {
        rolesAnnotation: this.options.rolesAnnotation,
        loadedAt: new Date(this.now()),
      });
      const first = !this.graph;
      this.graph = graph;
      this.armStaleTimer();
      this.lastError = undefined;
      this.lastLoadMs = this.now() - started;
      (first ? this.options.logger.info : this.options.logger.debug).call(
        this.options.logger,
        `Loaded the org graph: ${graph.users.size} users, ${graph.groups.size} groups in ${this.lastLoadMs} ms`,
      );
      return graph;
    } catch (error) {
      this.lastError = `${(error as Error).name}: ${(error as Error).message}`;
      this.lastFailureAt = this.now();
      this.options.logger.warn(
        `Could not load the org graph from the catalog: ${this.lastError}${
          this.graph
            ? `; decisions keep using the graph loaded at ${this.graph.loadedAt.toISOString()} until it is older than the staleness limit`
            : ''
        }`,
      );
      throw error;
    }
  }

  /** Marks the graph stale when it passes the limit; tests with a fake clock use `isStale`. */
  private armStaleTimer() {
    if (this.staleTimer) clearTimeout(this.staleTimer);
    const graph = this.graph;
    if (!graph) return;
    const left =
      graph.loadedAt.getTime() + this.options.maxStalenessMs - this.now();
    this.staleFlag = left <= 0;
    if (left > 0 && !this.options.now) {
      // Timers cap at about 24 days; a longer limit re-arms on firing.
      this.staleTimer = setTimeout(
        () => this.armStaleTimer(),
        Math.min(left, MAX_TIMER_MS),
      );
      this.staleTimer.unref();
    }
  }

  private isStale(graph: OrgGraph) {
    return this.now() - graph.loadedAt.getTime() > this.options.maxStalenessMs;
  }

  /**
   * The graph to decide with: the current one while fresh; otherwise a
   * reload is awaited, and if that fails there is no graph, with the reason.
   */
  async usable(): Promise<UsableGraph> {
    if (this.graph && !this.isStale(this.graph)) return { graph: this.graph };
    try {
      if (this.now() - this.lastFailureAt < RETRY_AFTER_FAILURE_MS) {
        throw new Error(this.lastError);
      }
      return { graph: await this.refresh() };
    } catch {
      const limit = Math.round(this.options.maxStalenessMs / 1000);
      return {
        reason: this.graph
          ? `the org graph is stale (loaded ${this.graph.loadedAt.toISOString()}, older than the ${limit} s limit) and the catalog cannot be reached (${
              this.lastError
            }), so every decision is deny`
          : `the org graph could not be loaded from the catalog (${this.lastError}), so every decision is deny`,
      };
    }
  }

  /**
   * Like `usable()`, but a user the graph does not know (signed in right
   * after the org sync added them) reloads a graph older than 10 seconds
   * first, so new people do not wait for the next scheduled refresh.
   */
  async usableFor(principalRef: string): Promise<UsableGraph> {
    const ready = this.graphFor(principalRef);
    if (ready) return { graph: ready };
    const usable = await this.usable();
    if (!usable.graph || this.graphFor(principalRef)) return usable;
    try {
      return { graph: await this.refresh() };
    } catch {
      return usable;
    }
  }

  /**
   * The graph, when it can decide for this principal right now: fresh, and
   * either knowing the user or too young (or the catalog too recently
   * failing) to reload for an unknown one. Synchronous: the decision hot path.
   */
  graphFor(principalRef: string): OrgGraph | undefined {
    const graph = this.graph;
    if (!graph) return undefined;
    // With the real clock a timer keeps the flag; an injected clock is read.
    if (this.options.now ? this.isStale(graph) : this.staleFlag) {
      return undefined;
    }
    if (
      !principalRef.startsWith('user:') ||
      graph.users.has(principalRef.toLowerCase())
    ) {
      return graph;
    }
    const now = this.now();
    return now - graph.loadedAt.getTime() < UNKNOWN_USER_RELOAD_MS ||
      now - this.lastFailureAt < RETRY_AFTER_FAILURE_MS
      ? graph
      : undefined;
  }

  status(): GraphStatus {
    const graph = this.graph;
    return {
      loadedAt: graph?.loadedAt.toISOString(),
      ageSeconds: graph
        ? Math.round((this.now() - graph.loadedAt.getTime()) / 1000)
        : undefined,
      stale: !graph || this.isStale(graph),
      users: graph?.users.size ?? 0,
      groups: graph?.groups.size ?? 0,
      lastError: this.lastError,
      lastLoadMs: this.lastLoadMs,
    };
  }
}
