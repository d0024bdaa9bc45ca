import type { OrgSourceGroup } from '@identity-portal/plugin-catalog-org-sync-node';
import type { Entry } from 'ldapts';
import { ResolvedGroupSearch } from '../config/vendorDefaults';
import { AttributePlan } from './attributePlan';
import type { DnIndex } from './dnIndex';
import {
  commonAttributeNames,
  CommonSlots,
  commonSlots,
  fillCommon,
  ldapAnnotations,
  requiredKeyAndName,
} from './entryBase';
import { BoundTransformer, EntryCollector, Prepared } from './entryCollector';
import { GroupRecord, ReadProblems } from './records';

/** The attribute plan of the group search (`member` may come back ranged). */
export function groupAttributePlan(search: ResolvedGroupSearch): AttributePlan {
  return new AttributePlan(
    [
      ...commonAttributeNames(
        search.attributes,
        search.identifiers,
        search.fields,
      ),
      search.attributes.members,
      search.attributes.memberOf,
      ...search.extraAttributes,
    ],
    search.attributes.members,
  );
}

interface GroupExtra {
  memberDns: string[];
  memberOfDns: string[];
  nextRange?: number;
}

/** Collects the groups of the group search, page by page. */
export class GroupCollector extends EntryCollector<
  OrgSourceGroup,
  GroupExtra,
  GroupRecord
> {
  private readonly slots: CommonSlots;
  private readonly membersSlot: number;
  private readonly memberOfSlot: number;

  constructor(
    private readonly search: ResolvedGroupSearch,
    private readonly plan: AttributePlan,
    index: DnIndex,
    problems: ReadProblems,
    transform?: BoundTransformer<OrgSourceGroup>,
  ) {
    super('group', index, problems, transform);
    this.slots = commonSlots(
      plan,
      search.attributes,
      search.identifiers,
      search.fields,
    );
    this.membersSlot = plan.slot(search.attributes.members);
    this.memberOfSlot = plan.slot(search.attributes.memberOf);
  }

  protected prepare(
    entry: Entry,
  ): Prepared<OrgSourceGroup, GroupExtra> | undefined {
    const { plan, slots, problems } = this;
    const values = plan.read(entry);
    const required = requiredKeyAndName(
      entry,
      values,
      plan,
      slots,
      'group',
      this.search.attributes,
      problems,
    );
    if (!required) {
      return undefined;
    }
    const { key, name } = required;
    const group: OrgSourceGroup = {
      key,
      name,
      type: this.search.type,
      identifiers: {},
      annotations: ldapAnnotations(entry.dn, key),
      fields: {},
      parents: [],
      children: [],
      members: [],
    };
    fillCommon(group, values, plan, slots);
    const extra: GroupExtra = {
      memberDns: plan.texts(values, this.membersSlot),
      memberOfDns: plan.texts(values, this.memberOfSlot),
    };
    if (values.range?.next !== undefined) {
      extra.nextRange = values.range.next;
    }
    return { draft: group, extra };
  }

  protected finish(
    group: OrgSourceGroup,
    extra: GroupExtra,
    dn: string,
  ): GroupRecord {
    this.index.addGroup(dn, group);
    const record: GroupRecord = {
      group,
      dn,
      memberDns: extra.memberDns,
      memberOfDns: extra.memberOfDns,
    };
    if (extra.nextRange !== undefined) {
      record.nextRange = extra.nextRange;
    }
    return record;
  }
}
