import { displayWidth, formatAccountsTable } from './accountsTable';
import { loadDemoOrg } from './schema';

describe('formatAccountsTable', () => {
  const org = loadDemoOrg();
  const lines = formatAccountsTable(org).trimEnd().split('\n');

  it('has a header, a rule and one row per person', () => {
    expect(lines[0]).toMatch(
      /^Display name +uid +Password +Teams +Roles +Disabled$/,
    );
    expect(lines[1]).toMatch(/^-+( +-+){5}$/);
    expect(lines).toHaveLength(2 + org.people.length);
  });

  it('shows uid, password, direct teams, effective roles and the disabled flag', () => {
    const zoe = lines.find(line => line.startsWith('Zoë Hoffmann'));
    expect(zoe?.split(/ {2,}/)).toEqual([
      'Zoë Hoffmann',
      'zhoffmann',
      'demo-zoe-kettle',
      'platform-team, admins',
      'admin, developer, registrar, integration-admin',
      'no',
    ]);
    const max = lines.find(line => line.startsWith('Max Mustermann'));
    expect(max?.split(/ {2,}/).pop()).toBe('yes');
    const sam = lines.find(line => line.startsWith('Sam Taylor'));
    expect(sam?.split(/ {2,}/).slice(3)).toEqual(['-', 'viewer', 'no']);
  });

  it('aligns columns by display width, even with CJK names', () => {
    const uidColumnStart = (line: string, uid: string) =>
      displayWidth(line.slice(0, line.indexOf(`  ${uid}  `) + 2));
    const starts = [
      uidColumnStart(lines[0], 'uid'),
      ...org.people.map((person, index) =>
        uidColumnStart(lines[index + 2], person.ldap.uid),
      ),
    ];
    expect(new Set(starts)).toEqual(new Set([starts[0]]));
    expect(starts[0]).toBeGreaterThan(displayWidth("Siobhán O'Connor"));
  });
});

describe('displayWidth', () => {
  it('counts wide characters twice and combining marks not at all', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('李伟')).toBe(4);
    expect(displayWidth('Zoë')).toBe(3);
    expect(displayWidth('Zoe\u0308')).toBe(3);
  });
});
