import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseLdif } from '../__testUtils__/parseLdif';
import { verifySsha } from '../ldap/ssha';
import { CliOutput, runCli } from './runCli';

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const output: CliOutput = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = runCli(args, output);
  return { code, stdout, stderr };
}

describe('runCli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'demo-org-cli-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('ldif prints the demo directory with the service account', () => {
    const result = run('ldif', '--service-password', 'reader-secret');
    expect(result.code).toBe(0);
    const dns = parseLdif(result.stdout).map(entry => entry.dn);
    expect(dns).toContain('cn=portal-reader,ou=services,dc=example,dc=com');
    expect(dns).toContain('uid=jsmith,ou=people,dc=example,dc=com');
  });

  it('ldif honours --base-dn, --person-rdn, --password-scheme and --salt-seed', () => {
    const args = [
      'ldif',
      '--base-dn',
      'dc=corp,dc=test',
      '--person-rdn',
      'cn',
      '--password-scheme',
      'ssha',
      '--salt-seed',
      's',
    ];
    const first = run(...args);
    expect(first.code).toBe(0);
    expect(run(...args).stdout).toBe(first.stdout);
    const jane = parseLdif(first.stdout).find(
      entry => entry.dn === 'cn=Smith\\, Jane,ou=people,dc=corp,dc=test',
    );
    expect(
      verifySsha('demo-jane-teapot', jane?.attributes.get('userPassword')![0]!),
    ).toBe(true);
  });

  it('ldif --scale generates a synthetic org and --out writes a file', () => {
    const file = join(dir, 'scale.ldif');
    const result = run(
      'ldif',
      '--scale',
      '200,20',
      '--seed',
      '3',
      '--out',
      file,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`wrote ${file}`);
    const entries = parseLdif(readFileSync(file, 'utf8'));
    expect(
      entries.filter(entry =>
        entry.dn.endsWith(',ou=people,dc=example,dc=com'),
      ),
    ).toHaveLength(200);
  });

  it('catalog prints entities as YAML documents', () => {
    const result = run('catalog');
    expect(result.code).toBe(0);
    const documents = result.stdout
      .split(/^---\n/m)
      .filter(text => text.trim() !== '')
      .map(text => parse(text));
    expect(documents.map(doc => `${doc.kind}:${doc.metadata.name}`)).toContain(
      'User:jane-smith',
    );
    expect(documents.map(doc => doc.metadata.name)).not.toContain(
      'max-mustermann',
    );
  });

  it('accounts prints the table', () => {
    const result = run('accounts');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Smith, Jane');
    expect(result.stdout).toContain('demo-jane-teapot');
  });

  it('--org reads another fixture and reports its problems', () => {
    const file = join(dir, 'org.yaml');
    writeFileSync(
      file,
      'company: { name: X, emailDomain: x.test }\npeople: []\nteams: [{ id: a, name: A, parent: b }]\n',
    );
    const result = run('accounts', '--org', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('team "a": parent "b" is not a known team');
  });

  it.each([
    [['nope'], 'unknown command "nope"'],
    [['ldif', '--bogus'], "Unknown option '--bogus'"],
    [['ldif', '--scale', 'many'], '--scale must be PEOPLE,GROUPS'],
    [['ldif', '--person-rdn', 'dn'], '--person-rdn must be uid or cn'],
    [
      ['ldif', '--password-scheme', 'md5'],
      '--password-scheme must be plaintext or ssha',
    ],
    [['ldif', '--salt-seed', 'x'], '--salt-seed needs --password-scheme ssha'],
    [
      ['ldif', '--service-name', 'x'],
      '--service-name needs --service-password',
    ],
    [['catalog', '--seed', '1'], '--seed only applies to --scale'],
    [['accounts', '--base-dn', 'dc=x'], "Unknown option '--base-dn'"],
  ])('fails with a message for %j', (args, message) => {
    const result = run(...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: demo-org');
  });

  it('prints usage for help and when no command is given', () => {
    expect(run('help')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Commands:'),
    });
    expect(run()).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('Commands:'),
    });
  });
});
