import {
  coreServices,
  createServiceFactory,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import knexFactory, { type Knex } from 'knex';
import { scmIntegrationsPlugin } from '../plugin';

/** One log line of the plugin. */
export interface LogLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
}

function recordingLogger(lines: LogLine[]): LoggerService {
  const logger: LoggerService = {
    error: message => lines.push({ level: 'error', message }),
    warn: message => lines.push({ level: 'warn', message }),
    info: message => lines.push({ level: 'info', message }),
    debug: message => lines.push({ level: 'debug', message }),
    child: () => logger,
  };
  return logger;
}

/** An in-memory database; give the same one to several backends to share it. */
export function createTestKnex(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

/** The signed-in user of every request. */
export const USER_REF = 'user:default/alice';

/** The id of the plugin's scheduled task. */
export const HEALTH_TASK_ID = 'scm-integrations-health';

/**
 * Starts a backend with the scm-integrations plugin, a mock scheduler that
 * runs nothing by itself (`scheduledTask().fn` runs the task), and a
 * permission decision of the test's choosing.
 */
export async function startHealthBackend(options: {
  config: JsonObject;
  knex: Knex;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}) {
  const logs: LogLine[] = [];
  const rootLogs: LogLine[] = [];
  const scheduler = mockServices.scheduler.mock();
  const backend = await startTestBackend({
    features: [
      scmIntegrationsPlugin,
      mockServices.rootConfig.factory({ data: options.config }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      scheduler.factory,
      createServiceFactory({
        service: coreServices.logger,
        deps: {},
        factory: () => recordingLogger(logs),
      }),
      // The credentials broker validates integrations: in its root context, on the root logger.
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => recordingLogger(rootLogs),
      }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  const baseUrl = `http://localhost:${port}/api/scm-integrations`;
  const request = async (
    path: string,
    method: 'GET' | 'POST' = 'GET',
    init: {
      body?: unknown;
      headers?: Record<string, string>;
      /** `false`: as nobody (the mock auth's "none" token: not signed in). */
      signedIn?: boolean;
    } = {},
  ) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization:
          init.signedIn === false
            ? mockCredentials.none.header()
            : mockCredentials.user.header(USER_REF),
        ...(init.body !== undefined && {
          'Content-Type': 'application/json',
        }),
        ...init.headers,
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, body };
  };
  return {
    /** The plugin's log lines (the broker's lines for the plugin included). */
    logs,
    /** The root logger's lines: the backend's own and the broker's config warnings. */
    rootLogs,
    request,
    /** What the plugin asked the scheduler for. */
    scheduledTask: () => {
      const call = scheduler.scheduleTask.mock.calls.find(
        ([task]) => task.id === HEALTH_TASK_ID,
      );
      if (!call) {
        throw new Error(`${HEALTH_TASK_ID} was not scheduled`);
      }
      return call[0];
    },
    stop: () => backend.stop(),
  };
}
