import type {
  OrgSourceGroup,
  OrgSourceUser,
} from '@identity-portal/plugin-catalog-org-sync-node';

/** The entity fields of a merged identity. */
export type EntityFields = {
  title?: string;
  description?: string;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  profile: { displayName?: string; email?: string; picture?: string };
};

const ANNOTATIONS = 'metadata.annotations.';
const LABELS = 'metadata.labels.';
const PROFILE_KEYS = new Set(['displayName', 'email', 'picture']);
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Removes characters that have no place in catalog text (NUL, controls). */
export function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = (
    CONTROL_CHARACTERS.test(value)
      ? value.replace(CONTROL_CHARACTERS, '')
      : value
  ).trim();
  CONTROL_CHARACTERS.lastIndex = 0;
  return cleaned || undefined;
}

/**
 * Merges the fields of an identity's parts; the first source that sets a
 * field wins. Source-mapped fields (`part.fields`) come before the part's
 * own defaults, so config mappings override them.
 */
export function mergeFields(
  parts: Array<OrgSourceUser | OrgSourceGroup>,
  onUnsupported: (path: string) => void,
): EntityFields {
  const result: EntityFields = { annotations: {}, labels: {}, profile: {} };
  for (const part of parts) {
    for (const path of Object.keys(part.fields)) {
      if (!setPath(result, path, part.fields[path])) onUnsupported(path);
    }
    setProfile(result, 'displayName', part.displayName);
    setProfile(result, 'email', part.email);
    setProfile(result, 'picture', part.picture);
    if (result.description === undefined) {
      result.description = cleanText(part.description);
    }
    for (const key of Object.keys(part.annotations)) {
      if (result.annotations[key] === undefined) {
        const value = cleanText(part.annotations[key]);
        if (value !== undefined) result.annotations[key] = value;
      }
    }
  }
  return result;
}

function setProfile(
  result: EntityFields,
  key: 'displayName' | 'email' | 'picture',
  value: string | undefined,
) {
  if (result.profile[key] === undefined && value !== undefined) {
    const cleaned = cleanText(value);
    if (cleaned !== undefined) result.profile[key] = cleaned;
  }
}

/** Sets one dotted path if it is not set yet; false for a path sources may not set. */
function setPath(result: EntityFields, path: string, raw: string): boolean {
  let target: Record<string, string | undefined>;
  let key: string;
  if (path.startsWith(ANNOTATIONS) && path.length > ANNOTATIONS.length) {
    target = result.annotations;
    key = path.slice(ANNOTATIONS.length);
  } else if (path.startsWith(LABELS) && path.length > LABELS.length) {
    target = result.labels;
    key = path.slice(LABELS.length);
  } else if (
    path.startsWith('spec.profile.') &&
    PROFILE_KEYS.has(path.slice(13))
  ) {
    target = result.profile;
    key = path.slice(13);
  } else if (path === 'metadata.title' || path === 'metadata.description') {
    target = result as unknown as Record<string, string | undefined>;
    key = path.slice(9);
  } else {
    return false;
  }
  if (target[key] === undefined) {
    const value = cleanText(raw);
    if (value !== undefined) target[key] = value;
  }
  return true;
}
