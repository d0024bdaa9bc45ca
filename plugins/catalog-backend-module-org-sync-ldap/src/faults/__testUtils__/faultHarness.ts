import type { BackendFeature } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { RunReport } from '@identity-portal/plugin-catalog-backend-module-org-sync';
import {
  refsOf,
  startSingleSourceTestBackend,
  type OrgSyncRecorder,
  type SingleSourceTestBackend,
} from '@identity-portal/plugin-catalog-backend-module-org-sync/testUtils';
import { loadDemoOrg } from '@internal/demo-org';
import type { SlapdInstance } from '@internal/slapd-harness';
import type { Knex } from 'knex';
import { Attribute, Change, Client } from 'ldapts';
import { catalogModuleOrgSyncLdap } from '../../module';

/** The org sync provider id every fault test configures. */
export const PROVIDER_ID = 'corp';
/** The config path of the LDAP source block. */
export const SOURCE_CONFIG_PATH = `catalog.providers.orgSync.${PROVIDER_ID}.sources.ldap.main`;

/**
 * Starts the engine and the LDAP module (plus `features`) against `knex`,
 * with one provider `corp` whose only source is `ldap.main` = `source`.
 * `engine` adds provider settings (`safety`, `merge`, ...).
 */
export function startFaultBackend(options: {
  knex: Knex;
  recorder: OrgSyncRecorder;
  source: object;
  engine?: JsonObject;
  features?: BackendFeature[];
}): Promise<SingleSourceTestBackend> {
  return startSingleSourceTestBackend({
    ...options,
    source: options.source as JsonObject,
    sourceModule: catalogModuleOrgSyncLdap,
    type: 'ldap',
    providerId: PROVIDER_ID,
  });
}

/** Sizes of the demo organisation as the LDAP source reads it (enabled people, every team). */
export const DEMO = (() => {
  const org = loadDemoOrg();
  const users = org.people.filter(p => !p.disabled).length;
  const groups = org.teams.length;
  return { users, groups, entities: users + groups };
})();

/** The refs the demo organisation commits: enabled people and every team. */
export function demoRefs(): string[] {
  const org = loadDemoOrg();
  return [
    ...org.people
      .filter(p => !p.disabled)
      .map(p => `user:default/${p.ldap.uid}`),
    ...org.teams.map(t => `group:default/${t.id}`),
  ].sort();
}

/**
 * Runs the clean first sync every fault test starts with and checks it
 * committed the whole demo organisation (every enabled person and every team).
 * Returns its report and the refs it committed.
 */
export async function commitDemoOrg(
  backend: SingleSourceTestBackend,
  recorder: OrgSyncRecorder,
): Promise<{ report: RunReport; refs: string[] }> {
  const before = recorder.mutations.length;
  const report = await backend.refresh();
  if (report.outcome !== 'committed') {
    throw new Error(
      `the clean first run was ${report.outcome}: ${JSON.stringify(
        report.problems,
      )}`,
    );
  }
  expect(report.counts.read).toEqual({
    users: DEMO.users,
    groups: DEMO.groups,
  });
  expect(report.counts.committed).toEqual({
    users: DEMO.users,
    groups: DEMO.groups,
  });
  expect(report.counts.added).toBe(DEMO.entities);
  expect(report.problems).toEqual([]);
  expect(recorder.mutations).toHaveLength(before + 1);
  const refs = refsOf(recorder.mutations.at(-1));
  expect(refs).toEqual(demoRefs());
  return { report, refs };
}

/** An ldapts client bound as the directory's root DN. */
export async function rootClient(instance: SlapdInstance): Promise<Client> {
  const client = new Client({ url: instance.url });
  await client.bind(instance.rootDn, instance.rootPassword);
  return client;
}

/** Changes one entry as root (`ldapmodify`). */
export async function modifyAsRoot(
  instance: SlapdInstance,
  dn: string,
  operation: 'add' | 'delete' | 'replace',
  type: string,
  values: string[] = [],
): Promise<void> {
  const client = await rootClient(instance);
  try {
    await client.modify(
      dn,
      new Change({ operation, modification: new Attribute({ type, values }) }),
    );
  } finally {
    await client.unbind();
  }
}

/** Deletes entries as root (`ldapdelete`). */
export async function deleteAsRoot(
  instance: SlapdInstance,
  dns: string[],
): Promise<void> {
  const client = await rootClient(instance);
  try {
    for (const dn of dns) await client.del(dn);
  } finally {
    await client.unbind();
  }
}

/** The `entryUUID` of an entry, read as root. */
export async function entryUuid(
  instance: SlapdInstance,
  dn: string,
): Promise<string> {
  const client = await rootClient(instance);
  try {
    const { searchEntries } = await client.search(dn, {
      scope: 'base',
      attributes: ['entryUUID'],
    });
    return String(searchEntries[0].entryUUID);
  } finally {
    await client.unbind();
  }
}
