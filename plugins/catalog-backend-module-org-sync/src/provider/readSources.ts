import type { OrgSource } from '@identity-portal/plugin-catalog-org-sync-node';
import type { SourceRead } from '../pipeline/planSync';
import type { SourceReport } from './runReport';

/** Reads every source at the same time; a source that throws is recorded, not fatal. */
export async function readSources(
  sources: OrgSource[],
  signal: AbortSignal,
): Promise<{ reads: SourceRead[]; reports: SourceReport[] }> {
  const results = await Promise.all(
    sources.map(async source => {
      const started = Date.now();
      const name = `${source.type}.${source.id}`;
      try {
        const result = await source.read({ signal });
        const read: SourceRead = { type: source.type, id: source.id, result };
        const report: SourceReport = {
          source: name,
          ok: true,
          complete: result.complete,
          users: result.users.length,
          groups: result.groups.length,
          durationMs: Date.now() - started,
        };
        return { read, report };
      } catch (error) {
        const message = describeError(error);
        const read: SourceRead = {
          type: source.type,
          id: source.id,
          error: message,
        };
        const report: SourceReport = {
          source: name,
          ok: false,
          complete: false,
          users: 0,
          groups: 0,
          durationMs: Date.now() - started,
          error: message,
        };
        return { read, report };
      }
    }),
  );
  return {
    reads: results.map(r => r.read),
    reports: results.map(r => r.report),
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.name && error.name !== 'Error'
      ? `${error.name}: ${error.message}`
      : error.message;
  }
  return String(error);
}
