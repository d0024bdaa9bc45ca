import { createHash } from 'node:crypto';

/** The longest entity name the catalog accepts. */
export const MAX_NAME_LENGTH = 63;
const HASH_LENGTH = 6;
const ALREADY_VALID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** A short, stable hex digest of a value, used to tell names apart. */
export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, HASH_LENGTH);
}

/**
 * Turns a source name (uid, login, group cn) into a valid catalog entity
 * name: lower case, ASCII letters and digits separated by single `-`, `_` or
 * `.`, at most 63 characters. Letters with diacritics lose them (`Łukasz` →
 * `lukasz`); other characters become `-`. A name that had to be shortened
 * ends in a hash of the whole original, so two long names stay apart.
 * Returns undefined when nothing usable is left.
 */
export function normaliseName(raw: string): string | undefined {
  if (raw.length <= MAX_NAME_LENGTH && ALREADY_VALID.test(raw)) {
    return raw;
  }
  const folded = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, letter => SPECIAL_LETTERS[letter]);
  const cleaned = folded
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/[-_.]{2,}/g, run => run[0])
    .replace(/^[-_.]+|[-_.]+$/g, '');
  if (!cleaned) {
    return undefined;
  }
  if (cleaned.length <= MAX_NAME_LENGTH) {
    return cleaned;
  }
  return withSuffix(cleaned, shortHash(raw));
}

/** `<base>-<suffix>`, with the base shortened so the result fits 63 characters. */
export function withSuffix(base: string, suffix: string): string {
  const room = MAX_NAME_LENGTH - suffix.length - 1;
  const head = base.slice(0, room).replace(/[-_.]+$/, '');
  return `${head}-${suffix}`;
}
