import { createOrgGraph } from './orgGraph';
import { DemoOrg } from './model';

const HEADERS = [
  'Display name',
  'uid',
  'Password',
  'Teams',
  'Roles',
  'Disabled',
] as const;

/**
 * A plain-text table of every demo account: display name, LDAP uid and
 * password, direct teams, effective roles (own plus inherited from teams),
 * and whether the account is disabled.
 */
export function formatAccountsTable(org: DemoOrg): string {
  const graph = createOrgGraph(org);
  const rows: string[][] = org.people.map(person => [
    person.displayName,
    person.ldap.uid,
    person.ldap.password,
    person.teams.join(', ') || '-',
    graph.effectiveRoles(person).join(', ') || '-',
    person.disabled ? 'yes' : 'no',
  ]);
  const table = [[...HEADERS], ...rows];
  const widths = HEADERS.map((_, column) =>
    Math.max(...table.map(row => displayWidth(row[column]))),
  );
  const render = (row: string[]) =>
    row
      .map((cell, column) =>
        column === row.length - 1
          ? cell
          : cell + ' '.repeat(widths[column] - displayWidth(cell)),
      )
      .join('  ');
  const rule = widths.map(width => '-'.repeat(width)).join('  ');
  return `${[render(table[0]), rule, ...rows.map(render)].join('\n')}\n`;
}

/**
 * Terminal columns a string occupies: East Asian wide characters count two,
 * combining marks zero, everything else one.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.normalize('NFC')) {
    if (/\p{Mn}/u.test(char)) {
      continue;
    }
    width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  }
  return width;
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}
