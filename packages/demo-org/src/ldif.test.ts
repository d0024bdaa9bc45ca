import { InputError } from '@backstage/errors';
import { ParsedEntry, parseLdif, single } from './__testUtils__/parseLdif';
import { seededSalt, verifySsha } from './ldap/ssha';
import { DISABLED_EMPLOYEE_TYPE, toLdif } from './ldif';
import { DemoOrg } from './model';
import { loadDemoOrg } from './schema';

const org = loadDemoOrg();
const PEOPLE = 'ou=people,dc=example,dc=com';
const GROUPS = 'ou=groups,dc=example,dc=com';
const SERVICES = 'ou=services,dc=example,dc=com';

function entryByDn(entries: ParsedEntry[], dn: string): ParsedEntry {
  const entry = entries.find(candidate => candidate.dn === dn);
  if (!entry) {
    throw new Error(`no entry ${dn}`);
  }
  return entry;
}

describe('toLdif on the demo org', () => {
  const ldif = toLdif(org, {
    serviceAccount: { password: 'reader-secret' },
  });
  const entries = parseLdif(ldif);
  const dns = entries.map(entry => entry.dn);

  it('starts with version: 1 and the base entry, then the three OUs', () => {
    expect(ldif.startsWith('version: 1\n\ndn: dc=example,dc=com\n')).toBe(true);
    expect(dns.slice(0, 4)).toEqual([
      'dc=example,dc=com',
      PEOPLE,
      GROUPS,
      SERVICES,
    ]);
    const base = entries[0];
    expect(base.attributes.get('objectClass')).toEqual([
      'top',
      'dcObject',
      'organization',
    ]);
    expect(single(base, 'dc')).toBe('example');
    expect(single(base, 'o')).toBe('Example Corp');
  });

  it('has one entry per person and team, plus base, OUs, service account and placeholder', () => {
    expect(entries).toHaveLength(4 + 2 + org.people.length + org.teams.length);
    expect(new Set(dns).size).toBe(dns.length);
  });

  it('orders every entry after its parent entry in the tree', () => {
    entries.forEach((entry, index) => {
      if (index === 0) {
        return;
      }
      const parentDn = entry.dn.slice(entry.dn.indexOf(',') + 1);
      expect(dns.indexOf(parentDn)).toBeGreaterThanOrEqual(0);
      expect(dns.indexOf(parentDn)).toBeLessThan(index);
    });
  });

  it('defines every member before the group that lists it', () => {
    entries.forEach((entry, index) => {
      for (const member of entry.attributes.get('member') ?? []) {
        const memberIndex = dns.indexOf(member);
        expect(memberIndex).toBeGreaterThanOrEqual(0);
        expect(memberIndex).toBeLessThan(index);
      }
    });
  });

  it('writes people as inetOrgPerson named by uid', () => {
    const zoe = entryByDn(entries, `uid=zhoffmann,${PEOPLE}`);
    expect(zoe.attributes.get('objectClass')).toEqual([
      'top',
      'person',
      'organizationalPerson',
      'inetOrgPerson',
    ]);
    expect(single(zoe, 'uid')).toBe('zhoffmann');
    expect(single(zoe, 'cn')).toBe('Zoë Hoffmann');
    expect(single(zoe, 'displayName')).toBe('Zoë Hoffmann');
    expect(single(zoe, 'givenName')).toBe('Zoë');
    expect(single(zoe, 'sn')).toBe('Hoffmann');
    expect(single(zoe, 'mail')).toBe('zoe.hoffmann@example.com');
    expect(single(zoe, 'employeeNumber')).toBe('zoe-hoffmann');
    expect(single(zoe, 'userPassword')).toBe('demo-zoe-kettle');
    expect(zoe.attributes.has('employeeType')).toBe(false);
  });

  it('base64-encodes non-ASCII values and only those', () => {
    expect(ldif).toContain(
      `\ncn:: ${Buffer.from('Zoë Hoffmann').toString('base64')}\n`,
    );
    expect(ldif).toContain(`\nsn:: ${Buffer.from('李').toString('base64')}\n`);
    expect(ldif).toContain(
      `\nuserPassword:: ${Buffer.from('demo-łódź-tram').toString('base64')}\n`,
    );
    expect(ldif).toContain('\nsn: Hoffmann\n');
    // No raw non-ASCII byte survives anywhere in the file.
    expect(/[\u0080-\uffff]/.test(ldif)).toBe(false);
  });

  it('keeps the comma name as a plain value; its DN uses the uid', () => {
    const jane = entryByDn(entries, `uid=jsmith,${PEOPLE}`);
    expect(single(jane, 'cn')).toBe('Smith, Jane');
    expect(ldif).toContain('\ncn: Smith, Jane\n');
  });

  it('marks disabled people with employeeType: disabled', () => {
    const disabled = entries.filter(entry =>
      entry.attributes.get('employeeType')?.includes(DISABLED_EMPLOYEE_TYPE),
    );
    expect(disabled.map(entry => entry.dn)).toEqual([
      `uid=mmustermann,${PEOPLE}`,
    ]);
  });

  it('carries personal roles as businessCategory', () => {
    const withRoles = entries
      .filter(entry => entry.attributes.has('businessCategory'))
      .map(entry => [entry.dn, entry.attributes.get('businessCategory')]);
    expect(withRoles).toEqual([
      [`uid=ayilmaz,${PEOPLE}`, ['admin']],
      [`uid=staylor,${PEOPLE}`, ['viewer']],
    ]);
  });

  it('writes teams as groupOfNames listing people and child groups', () => {
    const engineering = entryByDn(entries, `cn=engineering,${GROUPS}`);
    expect(engineering.attributes.get('objectClass')).toEqual([
      'top',
      'groupOfNames',
    ]);
    expect(single(engineering, 'cn')).toBe('engineering');
    expect(single(engineering, 'description')).toBe(
      'Everyone who builds and runs the product',
    );
    expect(engineering.attributes.get('member')).toEqual([
      `cn=platform-team,${GROUPS}`,
      `cn=product-team,${GROUPS}`,
    ]);

    const sre = entryByDn(entries, `cn=sre,${GROUPS}`);
    expect(sre.attributes.get('member')).toEqual([
      `uid=lnowak,${PEOPLE}`,
      `uid=olie,${PEOPLE}`,
      `uid=divanov,${PEOPLE}`,
      `cn=sre-oncall,${GROUPS}`,
    ]);
  });

  it('keeps disabled people in their groups', () => {
    const web = entryByDn(entries, `cn=web,${GROUPS}`);
    expect(web.attributes.get('member')).toContain(`uid=mmustermann,${PEOPLE}`);
  });

  it('gives empty groups the placeholder entry as their only member', () => {
    const placeholderDn = `cn=empty-group-placeholder,${SERVICES}`;
    const design = entryByDn(entries, `cn=design,${GROUPS}`);
    expect(design.attributes.get('member')).toEqual([placeholderDn]);
    expect(
      entryByDn(entries, placeholderDn).attributes.get('objectClass'),
    ).toEqual(['top', 'organizationalRole']);
  });

  it('adds the portal service account under ou=services', () => {
    const reader = entryByDn(entries, `cn=portal-reader,${SERVICES}`);
    expect(reader.attributes.get('objectClass')).toEqual([
      'top',
      'organizationalRole',
      'simpleSecurityObject',
    ]);
    expect(single(reader, 'userPassword')).toBe('reader-secret');
  });

  it('folds no line beyond 76 characters', () => {
    expect(ldif.split('\n').every(line => line.length <= 76)).toBe(true);
  });
});

describe('toLdif options', () => {
  it('leaves out the service account unless asked for', () => {
    expect(toLdif(org)).not.toContain('portal-reader');
  });

  it('names the service account as asked', () => {
    const entries = parseLdif(
      toLdif(org, { serviceAccount: { name: 'sync bot', password: 'x' } }),
    );
    expect(entries.map(entry => entry.dn)).toContain(`cn=sync bot,${SERVICES}`);
  });

  it('rejects an empty service account password', () => {
    expect(() => toLdif(org, { serviceAccount: { password: '' } })).toThrow(
      InputError,
    );
  });

  it('uses the given base DN everywhere', () => {
    const entries = parseLdif(toLdif(org, { baseDn: 'dc=corp,dc=test' }));
    expect(entries[0].dn).toBe('dc=corp,dc=test');
    expect(single(entries[0], 'dc')).toBe('corp');
    expect(entries.every(entry => entry.dn.endsWith('dc=corp,dc=test'))).toBe(
      true,
    );
    const sre = entryByDn(entries, 'cn=sre,ou=groups,dc=corp,dc=test');
    expect(sre.attributes.get('member')).toContain(
      'uid=lnowak,ou=people,dc=corp,dc=test',
    );
  });

  it('writes an organization base entry for an o= base DN', () => {
    const [base] = parseLdif(toLdif(org, { baseDn: 'o=Example Corp' }));
    expect(base.attributes.get('objectClass')).toEqual(['top', 'organization']);
    expect(single(base, 'o')).toBe('Example Corp');
  });

  it('rejects a base DN of another type', () => {
    expect(() => toLdif(org, { baseDn: 'cn=x' })).toThrow(
      'base DN "cn=x" must start with dc=, o= or ou=',
    );
  });

  it('escapes display names in DNs when people are named by cn', () => {
    const ldif = toLdif(org, { personRdnAttribute: 'cn' });
    const entries = parseLdif(ldif);
    const janeDn = `cn=Smith\\, Jane,${PEOPLE}`;
    expect(entries.map(entry => entry.dn)).toContain(janeDn);
    expect(ldif).toContain(`\ndn: ${janeDn}\n`);
    // Non-ASCII DNs are base64 as a whole.
    expect(ldif).toContain(
      `\ndn:: ${Buffer.from(`cn=Zoë Hoffmann,${PEOPLE}`).toString('base64')}\n`,
    );
    const support = entryByDn(entries, `cn=support,${GROUPS}`);
    expect(support.attributes.get('member')).toContain(janeDn);
  });

  it('hashes passwords as {SSHA}, reproducibly with a seeded salt', () => {
    const options = {
      passwords: { scheme: 'ssha' as const, salt: seededSalt('demo') },
      serviceAccount: { password: 'reader-secret' },
    };
    const ldif = toLdif(org, options);
    expect(toLdif(org, options)).toBe(ldif);

    const entries = parseLdif(ldif);
    const lukasz = entryByDn(entries, `uid=lnowak,${PEOPLE}`);
    const hashed = single(lukasz, 'userPassword');
    expect(hashed.startsWith('{SSHA}')).toBe(true);
    expect(verifySsha('demo-łódź-tram', hashed)).toBe(true);
    const reader = entryByDn(entries, `cn=portal-reader,${SERVICES}`);
    expect(verifySsha('reader-secret', single(reader, 'userPassword'))).toBe(
      true,
    );
    expect(ldif).not.toContain('demo-zoe-kettle');
  });

  it('validates the organisation first', () => {
    const broken: DemoOrg = {
      ...org,
      people: [{ ...org.people[0], teams: ['ghost'] }],
    };
    expect(() => toLdif(broken)).toThrow('team "ghost" is not a known team');
  });

  it('omits the placeholder when no group is empty', () => {
    const noEmptyTeams: DemoOrg = {
      ...org,
      teams: org.teams.filter(team => team.id !== 'design'),
    };
    expect(toLdif(noEmptyTeams)).not.toContain('empty-group-placeholder');
  });
});
