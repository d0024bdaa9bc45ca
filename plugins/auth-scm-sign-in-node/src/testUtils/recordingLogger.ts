import {
  coreServices,
  createServiceFactory,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/** Every log call as one string: level, message and metadata. */
class RecordingLogger implements LoggerService {
  constructor(
    private readonly lines: string[],
    private readonly fields: JsonObject,
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
  private record(level: string, message: string, meta?: Error | JsonObject) {
    const extra =
      meta instanceof Error
        ? `${meta.name}: ${meta.message} ${meta.stack ?? ''}`
        : JSON.stringify(meta ?? {});
    this.lines.push(
      `${level} ${message} ${JSON.stringify(this.fields)} ${extra}`,
    );
  }
}

/** A logger that records every line, at every level, into `lines`. */
export function recordingLogger(lines: string[]): LoggerService {
  return new RecordingLogger(lines, {});
}

/** A root logger that records every line, at every level, into `lines`. */
export function recordingRootLogger(lines: string[]) {
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => recordingLogger(lines),
  });
}
