import type { OrgSourceUser } from '@identity-portal/plugin-catalog-org-sync-node';
import type { Entry } from 'ldapts';
import { ResolvedUserSearch } from '../config/vendorDefaults';
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
import { ReadProblems, UserRecord } from './records';

/** The attribute plan of the user search. */
export function userAttributePlan(search: ResolvedUserSearch): AttributePlan {
  return new AttributePlan([
    ...commonAttributeNames(
      search.attributes,
      search.identifiers,
      search.fields,
    ),
    search.attributes.memberOf,
    ...search.extraAttributes,
  ]);
}

/** Collects the users of the user search, page by page. */
export class UserCollector extends EntryCollector<
  OrgSourceUser,
  string[],
  UserRecord
> {
  private readonly slots: CommonSlots;
  private readonly memberOfSlot: number;

  constructor(
    private readonly search: ResolvedUserSearch,
    private readonly plan: AttributePlan,
    index: DnIndex,
    problems: ReadProblems,
    transform?: BoundTransformer<OrgSourceUser>,
  ) {
    super('user', index, problems, transform);
    this.slots = commonSlots(
      plan,
      search.attributes,
      search.identifiers,
      search.fields,
    );
    this.memberOfSlot = plan.slot(search.attributes.memberOf);
  }

  protected prepare(
    entry: Entry,
  ): Prepared<OrgSourceUser, string[]> | undefined {
    const { plan, slots, problems } = this;
    const values = plan.read(entry);
    const required = requiredKeyAndName(
      entry,
      values,
      plan,
      slots,
      'user',
      this.search.attributes,
      problems,
    );
    if (!required) {
      return undefined;
    }
    const { key, name } = required;
    const user: OrgSourceUser = {
      key,
      name,
      identifiers: {},
      annotations: ldapAnnotations(entry.dn, key),
      fields: {},
      memberOf: [],
    };
    fillCommon(user, values, plan, slots);
    return { draft: user, extra: plan.texts(values, this.memberOfSlot) };
  }

  protected finish(
    user: OrgSourceUser,
    memberOfDns: string[],
    dn: string,
  ): UserRecord {
    this.index.addUser(dn, user);
    return { user, dn, memberOfDns };
  }
}
