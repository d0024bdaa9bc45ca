import {
  DemoOrg,
  DemoPerson,
  LdapLayout,
  ldapLayout,
  loadDemoOrg,
  toLdif,
} from '@internal/demo-org';
import { Client, InvalidCredentialsError } from 'ldapts';
import { startSlapd } from './startSlapd';
import { SlapdInstance } from './types';

const SLAPD_TIMEOUT_MS = 30_000;
const BASE_DN = 'dc=example,dc=com';

function asArray(value: unknown): string[] {
  if (value === undefined) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(String);
}

function isNonAscii(text: string): boolean {
  return Array.from(text).some(character => character.charCodeAt(0) > 0x7f);
}

async function bindAndRead(
  url: string,
  dn: string,
  password: string,
  entryDn: string,
  attributes: string[],
): Promise<Record<string, string[]>> {
  const client = new Client({ url });
  try {
    await client.bind(dn, password);
    const { searchEntries } = await client.search(entryDn, {
      scope: 'base',
      attributes,
    });
    return Object.fromEntries(
      attributes.map(attribute => [
        attribute,
        asArray(searchEntries[0]?.[attribute]),
      ]),
    );
  } finally {
    await client.unbind();
  }
}

function nonAsciiPerson(org: DemoOrg): DemoPerson {
  const person = org.people.find(
    candidate => isNonAscii(candidate.displayName) && !candidate.disabled,
  );
  if (!person) {
    throw new Error('the demo org has no enabled person with a non-ASCII name');
  }
  return person;
}

describe('the demo organisation in slapd', () => {
  const org = loadDemoOrg();
  const layout: LdapLayout = ldapLayout({ baseDn: BASE_DN });
  let instance: SlapdInstance;

  beforeAll(async () => {
    instance = await startSlapd({
      suffix: BASE_DN,
      ldif: toLdif(org, { baseDn: BASE_DN }),
    });
  }, SLAPD_TIMEOUT_MS);

  afterAll(() => instance?.stop());

  it('lets a person with a non-ASCII name bind with the fixture password', async () => {
    const person = nonAsciiPerson(org);
    const dn = layout.personDn(person);
    const entry = await bindAndRead(
      instance.url,
      dn,
      person.ldap.password,
      dn,
      ['cn', 'mail'],
    );
    expect(entry.cn).toEqual([person.displayName]);
    expect(entry.mail).toEqual([person.email]);
    await expect(
      bindAndRead(instance.url, dn, 'not-the-password', dn, ['cn']),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it('stores nested groups as members of their parent group', async () => {
    const child = org.teams.find(
      team =>
        team.parent &&
        org.people.some(person => person.teams.includes(team.id)),
    );
    expect(child?.parent).toBeDefined();
    const member = org.people.find(person => person.teams.includes(child!.id))!;

    const { rootDn, rootPassword, url } = instance;
    const parentGroup = await bindAndRead(
      url,
      rootDn,
      rootPassword,
      layout.teamDn(child!.parent!),
      ['member'],
    );
    expect(parentGroup.member).toContain(layout.teamDn(child!.id));

    const childGroup = await bindAndRead(
      url,
      rootDn,
      rootPassword,
      layout.teamDn(child!.id),
      ['member', 'memberOf'],
    );
    expect(childGroup.member).toContain(layout.personDn(member));
    expect(childGroup.memberOf).toContain(layout.teamDn(child!.parent!));
  });

  it('maintains memberOf on people for their direct teams', async () => {
    const person = org.people.find(candidate => candidate.teams.length > 1)!;
    const dn = layout.personDn(person);
    const entry = await bindAndRead(
      instance.url,
      dn,
      person.ldap.password,
      dn,
      ['memberOf'],
    );
    expect(entry.memberOf.sort()).toEqual(
      person.teams.map(team => layout.teamDn(team)).sort(),
    );
  });

  it(
    'also loads the Active Directory style layout with non-ASCII DNs',
    async () => {
      const adLayout = ldapLayout({
        baseDn: BASE_DN,
        personRdnAttribute: 'cn',
      });
      const adInstance = await startSlapd({
        suffix: BASE_DN,
        ldif: toLdif(org, { baseDn: BASE_DN, personRdnAttribute: 'cn' }),
        loadWith: 'slapadd',
      });
      try {
        const person = nonAsciiPerson(org);
        const dn = adLayout.personDn(person);
        const entry = await bindAndRead(
          adInstance.url,
          dn,
          person.ldap.password,
          dn,
          ['uid'],
        );
        expect(entry.uid).toEqual([person.ldap.uid]);
      } finally {
        await adInstance.stop();
      }
    },
    SLAPD_TIMEOUT_MS,
  );
});
