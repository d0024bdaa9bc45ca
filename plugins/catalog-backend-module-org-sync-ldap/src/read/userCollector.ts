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
  RequiredRole,
  requiredText,
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
  private readonly keyRole: RequiredRole;
  private readonly nameRole: RequiredRole;
  private readonly memberOfSlot: number;

  constructor(
    search: ResolvedUserSearch,
    private readonly plan: AttributePlan,
    index: DnIndex,
    problems: ReadProblems,
    transform?: BoundTransformer<OrgSourceUser>,
  ) {
    super('user', index, problems, transform);
    this.keyRole = {
      kind: 'user',
      role: 'key',
      attribute: search.attributes.key,
    };
    this.nameRole = {
      kind: 'user',
      role: 'name',
      attribute: search.attributes.name,
    };
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
    const key = requiredText(
      entry,
      values,
      plan,
      slots.key,
      this.keyRole,
      problems,
    );
    const name =
      key === undefined
        ? undefined
        : requiredText(
            entry,
            values,
            plan,
            slots.name,
            this.nameRole,
            problems,
            key,
          );
    if (key === undefined || name === undefined) {
      return undefined;
    }
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
