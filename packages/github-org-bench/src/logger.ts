import type { LoggerService } from '@backstage/backend-plugin-api';

/** A logger that keeps warnings and errors for the report and drops the rest. */
export function quietLogger(lines: string[]): LoggerService {
  const logger: LoggerService = {
    error: message => {
      lines.push(`error: ${message}`);
    },
    warn: message => {
      lines.push(`warn: ${message}`);
    },
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}
