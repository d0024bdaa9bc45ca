/** The prefix that makes a source's keys unique across a provider's sources. */
export function sourcePrefix(sourceType: string, sourceId: string): string {
  return `${sourceType}:${sourceId}:`;
}

/** The key of a source entry that is unique across a provider's sources. */
export function qualifiedKey(
  sourceType: string,
  sourceId: string,
  key: string,
): string {
  return sourcePrefix(sourceType, sourceId) + key;
}
