import {
  DEFAULT_BASE_DN,
  DISABLED_EMPLOYEE_TYPE,
  generateOrg,
  ldapLayout,
  toLdif,
} from '@internal/demo-org';
import { SlapdInstance, startSlapd } from '@internal/slapd-harness';
import { randomBytes } from 'node:crypto';
import type { DirectoryParams } from './children/protocol';
import { countEntries } from './ldapsearch';

export interface SeedOptions {
  people: number;
  groups: number;
  seed: number;
  pageSize: number;
}

/** What the directory holds, counted with ldapsearch after loading. */
export interface DirectoryCounts {
  people: number;
  peopleWithMemberOf: number;
  disabledPeople: number;
  groups: number;
  groupsWithMemberOf: number;
}

export interface SeededDirectory {
  slapd: SlapdInstance;
  directory: DirectoryParams;
  counts: DirectoryCounts;
  timings: {
    generateOrgMs: number;
    toLdifMs: number;
    /** startSlapd with `loadWith: 'ldapadd'`: start, load, memberOf upkeep. */
    startAndLoadMs: number;
    countMs: number;
  };
  ldifBytes: number;
}

const USERS_FILTER = '(objectClass=inetOrgPerson)';
const GROUPS_FILTER = '(objectClass=groupOfNames)';

/**
 * Starts a fresh slapd holding a generated organisation, loaded through
 * ldapadd so that the memberof overlay fills in memberOf, with the portal's
 * read-only service account for every contender to bind as.
 */
export async function seedDirectory(
  options: SeedOptions,
): Promise<SeededDirectory> {
  const servicePassword = `bench-${randomBytes(9).toString('base64url')}`;
  const layout = ldapLayout({ baseDn: DEFAULT_BASE_DN });

  let t = performance.now();
  const org = generateOrg({
    people: options.people,
    groups: options.groups,
    seed: options.seed,
  });
  const generateOrgMs = performance.now() - t;

  t = performance.now();
  const ldif = toLdif(org, {
    baseDn: layout.baseDn,
    serviceAccount: { password: servicePassword },
  });
  const toLdifMs = performance.now() - t;

  t = performance.now();
  const slapd = await startSlapd({
    suffix: layout.baseDn,
    ldif,
    loadWith: 'ldapadd',
    readyTimeoutMs: 30000,
  });
  const startAndLoadMs = performance.now() - t;

  const directory: DirectoryParams = {
    url: slapd.url,
    bindDn: layout.serviceAccountDn(),
    bindPassword: servicePassword,
    usersBaseDn: layout.peopleDn,
    usersFilter: USERS_FILTER,
    groupsBaseDn: layout.groupsDn,
    groupsFilter: GROUPS_FILTER,
  };

  try {
    t = performance.now();
    const count = (base: string, filter: string) =>
      countEntries(directory, base, filter, options.pageSize);
    const [
      people,
      peopleWithMemberOf,
      disabledPeople,
      groups,
      groupsWithMemberOf,
    ] = await Promise.all([
      count(layout.peopleDn, USERS_FILTER),
      count(layout.peopleDn, `(&${USERS_FILTER}(memberOf=*))`),
      count(
        layout.peopleDn,
        `(&${USERS_FILTER}(employeeType=${DISABLED_EMPLOYEE_TYPE}))`,
      ),
      count(layout.groupsDn, GROUPS_FILTER),
      count(layout.groupsDn, `(&${GROUPS_FILTER}(memberOf=*))`),
    ]);
    const countMs = performance.now() - t;
    if (people !== org.people.length || groups !== org.teams.length) {
      throw new Error(
        `the directory holds ${people} people and ${groups} groups, expected ${org.people.length} and ${org.teams.length}`,
      );
    }
    if (peopleWithMemberOf === 0 && people > 0) {
      throw new Error(
        'no person has memberOf: the memberof overlay did not run (loadWith must be ldapadd)',
      );
    }
    return {
      slapd,
      directory,
      counts: {
        people,
        peopleWithMemberOf,
        disabledPeople,
        groups,
        groupsWithMemberOf,
      },
      timings: { generateOrgMs, toLdifMs, startAndLoadMs, countMs },
      ldifBytes: Buffer.byteLength(ldif),
    };
  } catch (error) {
    await slapd.stop();
    throw error;
  }
}
