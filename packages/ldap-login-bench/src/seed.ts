import type { Entity } from '@backstage/catalog-model';
import {
  DemoPerson,
  generateOrg,
  ldapLayout,
  toLdif,
} from '@internal/demo-org';
import { SlapdInstance, startSlapd } from '@internal/slapd-harness';
import { Client } from 'ldapts';

export const SERVICE_PASSWORD = 'bench-reader-password';

export interface SeededDirectory {
  slapd: SlapdInstance;
  bindDn: string;
  peopleDn: string;
  /** Enabled people who can sign in. */
  people: DemoPerson[];
  /** User entities as org sync writes them (ldap-uuid = entryUUID). */
  entities: Entity[];
  timings: { generateMs: number; loadMs: number; readUuidsMs: number };
}

/** Generates the org, loads it (SSHA passwords) and reads every entryUUID. */
export async function seedDirectory(options: {
  people: number;
  groups: number;
  seed: number;
}): Promise<SeededDirectory> {
  const layout = ldapLayout();
  let t = performance.now();
  const org = generateOrg(options);
  const ldif = toLdif(org, {
    baseDn: layout.baseDn,
    serviceAccount: { password: SERVICE_PASSWORD },
    passwords: { scheme: 'ssha' },
  });
  const generateMs = performance.now() - t;

  t = performance.now();
  const slapd = await startSlapd({
    suffix: layout.baseDn,
    ldif,
    loadWith: 'slapadd',
    readyTimeoutMs: 60_000,
  });
  const loadMs = performance.now() - t;

  t = performance.now();
  const client = new Client({ url: slapd.url });
  const uuids = new Map<string, { uuid: string; dn: string }>();
  try {
    await client.bind(layout.serviceAccountDn(), SERVICE_PASSWORD);
    const { searchEntries } = await client.search(layout.peopleDn, {
      scope: 'one',
      filter: '(objectClass=inetOrgPerson)',
      attributes: ['uid', 'entryUUID'],
      paged: { pageSize: 1000 },
    });
    for (const entry of searchEntries) {
      uuids.set(String(entry.uid), {
        uuid: String(entry.entryUUID),
        dn: entry.dn,
      });
    }
  } finally {
    await client.unbind();
  }
  const people = org.people.filter(
    person => !person.disabled && uuids.has(person.ldap.uid),
  );
  const entities: Entity[] = people.map(person => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: person.id,
      annotations: {
        'backstage.io/ldap-uuid': uuids.get(person.ldap.uid)!.uuid,
        'backstage.io/ldap-dn': uuids.get(person.ldap.uid)!.dn,
      },
    },
    spec: { profile: { email: person.email }, memberOf: [] },
  }));
  return {
    slapd,
    bindDn: layout.serviceAccountDn(),
    peopleDn: layout.peopleDn,
    people,
    entities,
    timings: {
      generateMs,
      loadMs,
      readUuidsMs: performance.now() - t,
    },
  };
}
