import type { Entry } from 'ldapts';
import {
  BinaryFormat,
  binaryFormatOf,
  formatBinary,
  KNOWN_BINARY_ATTRIBUTES,
} from '@identity-portal/ldap-node';

/** One attribute value as ldapts returns it. */
export type RawValue = Entry[string];

/** A ranged attribute (`member;range=0-1499`): where the next range starts. */
export interface RangeInfo {
  /** The first index still missing, or undefined when the range ended in `*`. */
  next?: number;
}

/** The values of one entry, by slot (see {@link AttributePlan.slot}). */
export interface EntryValues {
  values: Array<RawValue | undefined>;
  /** Set when the range attribute came back ranged. */
  range?: RangeInfo;
}

interface TypeInfo {
  slot: number;
  range?: RangeInfo;
}

const NOT_REQUESTED: TypeInfo = { slot: -1 };

/**
 * Parses `<attribute>;range=<low>-<high|*>` (Active Directory range
 * retrieval) into where the next range starts.
 */
export function parseRange(type: string): RangeInfo | undefined {
  const marker = type.toLowerCase().indexOf(';range=');
  if (marker < 0) {
    return undefined;
  }
  const high = type.slice(marker + 7).split('-')[1];
  if (high === undefined) {
    return undefined;
  }
  if (high === '*') {
    return {};
  }
  const end = Number(high);
  return Number.isInteger(end) ? { next: end + 1 } : undefined;
}

/**
 * The attributes one search requests, and a fast way to find them in the
 * returned entries: each distinct attribute (compared case-insensitively)
 * gets a slot, and the attribute type strings the server returns are mapped
 * to slots once and cached, so entries are read with one Map lookup per
 * attribute and no per-entry lower-casing or regular expressions.
 */
export class AttributePlan {
  /** Attribute names to request, each once. */
  readonly requested: string[] = [];
  /** Attribute names ldapts must return as binary. */
  readonly binary: string[];
  private readonly slotByLower = new Map<string, number>();
  private readonly formats: BinaryFormat[] = [];
  private readonly infoByType = new Map<string, TypeInfo>();
  private readonly rangeLower?: string;

  /**
   * @param names - attribute names; undefined entries are ignored.
   * @param rangeAttribute - the attribute that may come back ranged
   *   (`member`), if any.
   */
  constructor(names: Array<string | undefined>, rangeAttribute?: string) {
    for (const name of names) {
      if (name) {
        this.add(name);
      }
    }
    this.rangeLower = rangeAttribute?.toLowerCase();
    const binary = new Set(KNOWN_BINARY_ATTRIBUTES);
    for (const name of this.requested) {
      if (this.formats[this.slot(name)] !== 'hex') {
        binary.add(name);
      }
    }
    this.binary = [...binary];
  }

  private add(name: string): number {
    const lower = name.toLowerCase();
    let slot = this.slotByLower.get(lower);
    if (slot === undefined) {
      slot = this.requested.length;
      this.requested.push(name);
      this.slotByLower.set(lower, slot);
      this.formats.push(binaryFormatOf(lower));
    }
    return slot;
  }

  /** The slot of an attribute, or -1 when it is not read. */
  slot(name: string | undefined): number {
    if (!name) {
      return -1;
    }
    return this.slotByLower.get(name.toLowerCase()) ?? -1;
  }

  /** How binary values of the slot's attribute are turned into text. */
  format(slot: number): BinaryFormat {
    return this.formats[slot] ?? 'hex';
  }

  private infoFor(type: string): TypeInfo {
    const cached = this.infoByType.get(type);
    if (cached) {
      return cached;
    }
    const lower = type.toLowerCase();
    let info: TypeInfo = NOT_REQUESTED;
    const slot = this.slotByLower.get(lower);
    if (slot !== undefined) {
      info = { slot };
    } else if (
      this.rangeLower &&
      lower.startsWith(`${this.rangeLower};range=`)
    ) {
      const range = parseRange(type);
      if (range) {
        info = { slot: this.slotByLower.get(this.rangeLower)!, range };
      }
    }
    this.infoByType.set(type, info);
    return info;
  }

  /** The requested values of an entry, by slot. */
  read(entry: Entry): EntryValues {
    const values = new Array<RawValue | undefined>(this.requested.length);
    let range: RangeInfo | undefined;
    for (const type in entry) {
      if (type === 'dn') {
        continue;
      }
      const info = this.infoFor(type);
      if (info.slot < 0) {
        continue;
      }
      const value = entry[type];
      if (Array.isArray(value) && value.length === 0) {
        continue;
      }
      if (info.range) {
        range = info.range;
      }
      values[info.slot] = value;
    }
    return { values, range };
  }

  /** The first value of a slot as text; undefined when absent or empty. */
  text(values: EntryValues, slot: number): string | undefined {
    if (slot < 0) {
      return undefined;
    }
    const raw = values.values[slot];
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first === undefined) {
      return undefined;
    }
    const text =
      typeof first === 'string'
        ? first
        : formatBinary(first, this.formats[slot]);
    return text === '' ? undefined : text;
  }

  /** Every value of a slot as text (for DN lists). */
  texts(values: EntryValues, slot: number): string[] {
    if (slot < 0) {
      return [];
    }
    return textsOf(values.values[slot]);
  }
}

/** Every value of a raw attribute as a UTF-8 string. */
export function textsOf(raw: RawValue | undefined): string[] {
  if (raw === undefined) {
    return [];
  }
  if (typeof raw === 'string') {
    return [raw];
  }
  if (Buffer.isBuffer(raw)) {
    return [raw.toString('utf8')];
  }
  return (raw as Array<string | Buffer>).map(value =>
    typeof value === 'string' ? value : value.toString('utf8'),
  );
}
