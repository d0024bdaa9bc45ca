import {
  coreServices,
  createServiceFactory,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/**
 * One recorded log call, with the metadata of every `child()` merged in.
 *
 * @public
 */
export type LogLine = {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  meta: Record<string, unknown>;
};

class RecordingLogger implements LoggerService {
  constructor(
    private readonly lines: LogLine[],
    private readonly fields: Record<string, unknown>,
  ) {}
  error(message: string, meta?: Error | JsonObject) {
    this.record('error', message, meta);
  }
  warn(message: string, meta?: Error | JsonObject) {
    this.record('warn', message, meta);
  }
  info(message: string, meta?: Error | JsonObject) {
    this.record('info', message, meta);
  }
  debug(message: string, meta?: Error | JsonObject) {
    this.record('debug', message, meta);
  }
  child(meta: JsonObject): LoggerService {
    return new RecordingLogger(this.lines, { ...this.fields, ...meta });
  }
  private record(
    level: LogLine['level'],
    message: string,
    meta?: Error | JsonObject,
  ) {
    const extra =
      meta instanceof Error
        ? { error: `${meta.name}: ${meta.message}\n${meta.stack ?? ''}` }
        : meta ?? {};
    this.lines.push({ level, message, meta: { ...this.fields, ...extra } });
  }
}

/**
 * A root logger service that records every line, at every level, into `lines`.
 *
 * @public
 */
export function recordingRootLogger(lines: LogLine[]) {
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => new RecordingLogger(lines, {}),
  });
}

/**
 * Log lines at `level` whose message contains every one of `parts`.
 *
 * @public
 */
export function linesWith(
  logs: LogLine[],
  level: LogLine['level'],
  ...parts: string[]
): LogLine[] {
  return logs.filter(
    line =>
      line.level === level && parts.every(part => line.message.includes(part)),
  );
}

/**
 * Every log line as text, metadata included, for "never logged" checks.
 *
 * @public
 */
export function allLogText(logs: LogLine[]): string {
  return logs
    .map(line => `${line.level} ${line.message} ${JSON.stringify(line.meta)}`)
    .join('\n');
}
