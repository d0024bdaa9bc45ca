import type { LoggerService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/** A logger that records every call as one line: level, message, fields, meta. */
export class RecordingLogger implements LoggerService {
  constructor(
    readonly lines: string[] = [],
    private readonly fields: JsonObject = {},
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
        ? `${meta.name}: ${meta.message}`
        : JSON.stringify(meta ?? {});
    this.lines.push(
      `${level} ${message} ${JSON.stringify(this.fields)} ${extra}`,
    );
  }
}
