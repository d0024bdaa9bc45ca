/** The key of a source entry that is unique across a provider's sources. */
export function qualifiedKey(
  sourceType: string,
  sourceId: string,
  key: string,
): string {
  return `${sourceType}:${sourceId}:${key}`;
}
