import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Settings of the SCM integrations broker and health view (ours, beside `integrations:`). */
  scmIntegrations?: {
    /**
     * The health check of every credential under `integrations:` (the
     * scm-integrations backend plugin, `/api/scm-integrations/health`).
     */
    health?: {
      /**
       * When the checks run. Default: every 15 minutes, timeout 2 minutes,
       * first run 15 seconds after start-up; `timeout` and `initialDelay` may
       * be left out. One replica runs them at a time (a global task); every
       * replica serves the stored result.
       */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
      /**
       * Percent of the rate limit remaining below which a working credential
       * is `warning`. Default 10.
       */
      rateLimitWarning?: number;
      /**
       * A credential that expires within this duration is `warning`
       * (expired: `error`). Default `{ days: 14 }`. GitHub App installation
       * tokens, renewed every hour, never warn.
       */
      expiryWarning?: HumanDuration;
      /**
       * How long one credential's check (all its requests) may take before it
       * is `error`. Default `{ seconds: 10 }`.
       */
      checkTimeout?: HumanDuration;
    };
  };
}
