import type { Entry } from 'ldapts';
import type { DnIndex } from './dnIndex';
import { describeError, ReadProblems } from './records';

/** A transformer bound to one source (context already applied). */
export type BoundTransformer<TDraft> = (
  entry: Entry,
  draft: TDraft,
) => TDraft | undefined | Promise<TDraft | undefined>;

/** An entry turned into a draft, plus what the record needs later. */
export interface Prepared<TDraft, TExtra> {
  draft: TDraft;
  extra: TExtra;
}

/** Counters for the debug log. */
export interface CollectorStats {
  entries: number;
  skippedByTransformer: number;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

/**
 * Turns the entries of one search into records, page by page: builds the
 * draft from config, runs the transformer, drops duplicate keys and
 * registers each kept entry's DN in the shared {@link DnIndex}. Only compact
 * records (strings) are kept; the raw entries of a page can be released once
 * it is added.
 */
export abstract class EntryCollector<
  TDraft extends { key: string },
  TExtra,
  TRecord,
> {
  readonly records: TRecord[] = [];
  readonly stats: CollectorStats = { entries: 0, skippedByTransformer: 0 };
  private readonly keys = new Set<string>();

  protected constructor(
    private readonly kind: 'user' | 'group',
    protected readonly index: DnIndex,
    protected readonly problems: ReadProblems,
    private readonly transform?: BoundTransformer<TDraft>,
  ) {}

  /** Builds the draft of an entry; undefined skips it (problem recorded). */
  protected abstract prepare(
    entry: Entry,
  ): Prepared<TDraft, TExtra> | undefined;

  /** Builds the record kept for the entry and registers it in the index. */
  protected abstract finish(draft: TDraft, extra: TExtra, dn: string): TRecord;

  /** Adds one page of entries. */
  async addPage(entries: Entry[]): Promise<void> {
    for (const entry of entries) {
      this.stats.entries++;
      const prepared = this.prepare(entry);
      if (!prepared) {
        continue;
      }
      let draft: TDraft | undefined = prepared.draft;
      if (this.transform) {
        try {
          const result = this.transform(entry, draft);
          draft = isPromise(result) ? await result : result;
        } catch (error) {
          this.problems.error(
            'transformer-failed',
            `The ${this.kind} transformer failed for ${
              entry.dn
            }: ${describeError(error)}`,
            entry.dn,
            prepared.draft.key,
          );
          continue;
        }
        if (!draft) {
          this.stats.skippedByTransformer++;
          continue;
        }
      }
      if (this.keys.has(draft.key)) {
        this.problems.warning(
          'duplicate-key',
          `Skipped ${this.kind} ${entry.dn}: another ${this.kind} already has the key ${draft.key}`,
          entry.dn,
        );
        continue;
      }
      this.keys.add(draft.key);
      this.records.push(this.finish(draft, prepared.extra, entry.dn));
    }
  }
}
