/**
 * Collects a child process's output line by line, keeping only the last
 * lines so that chatty processes cannot exhaust memory.
 */
export class OutputTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(
    private readonly maxLines: number,
    private readonly onLine?: (line: string) => void,
  ) {}

  push(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    lines.forEach(line => this.keep(line));
  }

  /** The kept lines, including an unterminated last line. */
  text(): string {
    return [...this.lines, this.partial].join('\n').trim();
  }

  private keep(line: string): void {
    this.onLine?.(line);
    this.lines.push(line);
    if (this.lines.length > this.maxLines) {
      this.lines.shift();
    }
  }
}
