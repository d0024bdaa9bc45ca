import type {
  OrgSourceGroup,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';

/** Entity fields of a merged identity, by dotted path, first source first. */
export type FlatFields = Map<string, string>;

const FIXED_PATHS = new Set([
  'metadata.title',
  'metadata.description',
  'spec.profile.displayName',
  'spec.profile.email',
  'spec.profile.picture',
]);
const PREFIX_PATHS = ['metadata.annotations.', 'metadata.labels.'];

/** Whether a source may set this entity path. */
export function isSupportedFieldPath(path: string): boolean {
  return (
    FIXED_PATHS.has(path) ||
    PREFIX_PATHS.some(
      prefix => path.startsWith(prefix) && path.length > prefix.length,
    )
  );
}

/** Removes characters that have no place in catalog text (NUL, controls). */
export function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = value
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
  return cleaned || undefined;
}

function flattenPart(
  part: OrgSourceUser | OrgSourceGroup,
  onUnsupported: (path: string) => void,
): FlatFields {
  const flat: FlatFields = new Map();
  const put = (path: string, value: string | undefined) => {
    const cleaned = cleanText(value);
    if (cleaned !== undefined) flat.set(path, cleaned);
  };
  put('spec.profile.displayName', part.displayName);
  put('spec.profile.email', part.email);
  put('spec.profile.picture', part.picture);
  put('metadata.description', part.description);
  for (const [key, value] of Object.entries(part.annotations)) {
    put(`metadata.annotations.${key}`, value);
  }
  for (const [path, value] of Object.entries(part.fields)) {
    if (isSupportedFieldPath(path)) put(path, value);
    else onUnsupported(path);
  }
  return flat;
}

/**
 * Flattens the parts of a merged identity into one set of entity fields.
 * The first source that sets a path wins.
 */
export function mergeFields(
  parts: Array<OrgSourceUser | OrgSourceGroup>,
  onUnsupported: (path: string) => void,
): FlatFields {
  const merged: FlatFields = new Map();
  for (const part of parts) {
    for (const [path, value] of flattenPart(part, onUnsupported)) {
      if (!merged.has(path)) merged.set(path, value);
    }
  }
  return merged;
}

/** Reads the fields under a prefix as an object with sorted keys. */
export function fieldsUnder(
  fields: FlatFields,
  prefix: string,
): Record<string, string> | undefined {
  const entries = [...fields]
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, value]) => [path.slice(prefix.length), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? Object.fromEntries(entries) : undefined;
}
