import { LoggedRequest, RequestLog } from '../types';

/** The requests a stand-in served, in order. */
export class MemoryRequestLog implements RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  count(): number {
    return this.entries.length;
  }

  list(): LoggedRequest[] {
    return this.entries.slice();
  }

  reset(): void {
    this.entries = [];
  }
}
