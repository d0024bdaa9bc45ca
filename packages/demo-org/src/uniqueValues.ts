/** Remembers who claimed which value first and reports later claims. */
export class UniqueValues {
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly kind: string,
    private readonly field: string,
    private readonly report: (problem: string) => void,
  ) {}

  claim(value: string, claimant: string) {
    const owner = this.owners.get(value);
    if (owner === undefined) {
      this.owners.set(value, claimant);
      return;
    }
    this.report(
      `${claimant}: ${this.field} "${value}" is already used by ${owner} (each ${this.kind}'s ${this.field} must be unique)`,
    );
  }
}
