import type { LoggerService } from '@backstage/backend-plugin-api';

const LEVELS = { none: 0, error: 1, warn: 2, info: 3, debug: 4 } as const;

/**
 * A small LoggerService writing to stderr at or above `level`. Deliberately
 * free of heavy imports, so that it adds nothing to a contender's memory.
 */
export function stderrLogger(
  level: keyof typeof LEVELS = 'warn',
  meta: Record<string, unknown> = {},
): LoggerService {
  const threshold = LEVELS[level];
  const log =
    (name: keyof typeof LEVELS) =>
    (message: string, extra?: Error | Record<string, unknown>) => {
      if (LEVELS[name] <= threshold) {
        const labels = Object.entries(meta)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(',');
        let suffix = '';
        if (extra instanceof Error) {
          suffix = ` ${extra.message}`;
        } else if (extra) {
          suffix = ` ${JSON.stringify(extra)}`;
        }
        process.stderr.write(`[${name}] ${labels} ${message}${suffix}\n`);
      }
    };
  return {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: childMeta => stderrLogger(level, { ...meta, ...childMeta }),
  };
}
