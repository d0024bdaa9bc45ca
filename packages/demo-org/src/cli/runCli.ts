import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError } from '@backstage/errors';
import { formatAccountsTable } from '../accountsTable';
import { toCatalogYaml } from '../catalog';
import { seededSalt } from '../ldap/ssha';
import { PersonRdnAttribute } from '../ldap/layout';
import { LdifOptions, PasswordStorage, toLdif } from '../ldif';
import { DemoOrg } from '../model';
import { generateOrg } from '../scale';
import { loadDemoOrg } from '../schema';

/** Where the CLI writes; process.stdout/stderr in production, fakes in tests. */
export interface CliOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const USAGE = `Usage: demo-org <command> [options]

Commands:
  ldif       LDIF for OpenLDAP (ldapadd/slapadd)
  catalog    Backstage User/Group entities as multi-document YAML
  accounts   Table of the demo accounts (uid, password, teams, roles)

Source (all commands):
  --org FILE                 demo org YAML (default: the bundled demo-org.yaml)
  --scale PEOPLE,GROUPS      synthetic org instead, e.g. --scale 20000,2000
  --seed N                   seed for --scale (default 1)

ldif and catalog:
  --base-dn DN               default dc=example,dc=com
  --person-rdn uid|cn        how people's DNs are named (default uid)
  --out FILE                 write to FILE instead of stdout

ldif only:
  --service-password P       add cn=<name>,ou=services,<base-dn> with this password
  --service-name NAME        name of that account (default portal-reader)
  --password-scheme S        plaintext (default) or ssha
  --salt-seed S              deterministic {SSHA} salts derived from S
`;

const SOURCE_OPTIONS = {
  org: { type: 'string' },
  scale: { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const LAYOUT_OPTIONS = {
  'base-dn': { type: 'string' },
  'person-rdn': { type: 'string' },
  out: { type: 'string' },
} as const;

const LDIF_OPTIONS = {
  ...SOURCE_OPTIONS,
  ...LAYOUT_OPTIONS,
  'service-password': { type: 'string' },
  'service-name': { type: 'string' },
  'password-scheme': { type: 'string' },
  'salt-seed': { type: 'string' },
} as const;

const CATALOG_OPTIONS = { ...SOURCE_OPTIONS, ...LAYOUT_OPTIONS } as const;

/** Runs one CLI invocation; returns the process exit code. */
export function runCli(args: string[], output: CliOutput): number {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'ldif':
        return runLdif(rest, output);
      case 'catalog':
        return runCatalog(rest, output);
      case 'accounts':
        return runAccounts(rest, output);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        output.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new InputError(`unknown command "${command}"`);
    }
  } catch (error) {
    output.stderr.write(`demo-org: ${messageOf(error)}\n`);
    if (error instanceof InputError || isArgumentError(error)) {
      output.stderr.write(`\n${USAGE}`);
    }
    return 1;
  }
}

function runLdif(args: string[], output: CliOutput): number {
  const { values } = parseArgs({ args, options: LDIF_OPTIONS, strict: true });
  if (values.help) {
    output.stdout.write(USAGE);
    return 0;
  }
  const options: LdifOptions = {
    baseDn: values['base-dn'],
    personRdnAttribute: parsePersonRdn(values['person-rdn']),
    passwords: parsePasswordStorage(
      values['password-scheme'],
      values['salt-seed'],
    ),
  };
  if (values['service-password'] !== undefined) {
    options.serviceAccount = {
      name: values['service-name'],
      password: values['service-password'],
    };
  } else if (values['service-name'] !== undefined) {
    throw new InputError('--service-name needs --service-password');
  }
  emit(toLdif(loadSource(values), options), values.out, output);
  return 0;
}

function runCatalog(args: string[], output: CliOutput): number {
  const { values } = parseArgs({
    args,
    options: CATALOG_OPTIONS,
    strict: true,
  });
  if (values.help) {
    output.stdout.write(USAGE);
    return 0;
  }
  const yaml = toCatalogYaml(loadSource(values), {
    baseDn: values['base-dn'],
    personRdnAttribute: parsePersonRdn(values['person-rdn']),
  });
  emit(yaml, values.out, output);
  return 0;
}

function runAccounts(args: string[], output: CliOutput): number {
  const { values } = parseArgs({ args, options: SOURCE_OPTIONS, strict: true });
  if (values.help) {
    output.stdout.write(USAGE);
    return 0;
  }
  output.stdout.write(formatAccountsTable(loadSource(values)));
  return 0;
}

function loadSource(values: {
  org?: string;
  scale?: string;
  seed?: string;
}): DemoOrg {
  if (values.scale !== undefined) {
    if (values.org !== undefined) {
      throw new InputError('use either --org or --scale, not both');
    }
    const match = /^(\d+),(\d+)$/.exec(values.scale);
    if (!match) {
      throw new InputError(
        `--scale must be PEOPLE,GROUPS (e.g. 20000,2000), got "${values.scale}"`,
      );
    }
    return generateOrg({
      people: Number(match[1]),
      groups: Number(match[2]),
      seed: parseSeed(values.seed),
    });
  }
  if (values.seed !== undefined) {
    throw new InputError('--seed only applies to --scale');
  }
  return loadDemoOrg(values.org);
}

function parseSeed(seed: string | undefined): number | undefined {
  if (seed === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(seed)) {
    throw new InputError(
      `--seed must be a non-negative integer, got "${seed}"`,
    );
  }
  return Number(seed);
}

function parsePersonRdn(value: string | undefined): PersonRdnAttribute {
  if (value === undefined || value === 'uid' || value === 'cn') {
    return value ?? 'uid';
  }
  throw new InputError(`--person-rdn must be uid or cn, got "${value}"`);
}

function parsePasswordStorage(
  scheme: string | undefined,
  saltSeed: string | undefined,
): PasswordStorage {
  if (scheme === undefined || scheme === 'plaintext') {
    if (saltSeed !== undefined) {
      throw new InputError('--salt-seed needs --password-scheme ssha');
    }
    return { scheme: 'plaintext' };
  }
  if (scheme === 'ssha') {
    return {
      scheme: 'ssha',
      salt: saltSeed === undefined ? undefined : seededSalt(saltSeed),
    };
  }
  throw new InputError(
    `--password-scheme must be plaintext or ssha, got "${scheme}"`,
  );
}

function emit(text: string, outFile: string | undefined, output: CliOutput) {
  if (outFile === undefined) {
    output.stdout.write(text);
    return;
  }
  writeFileSync(outFile, text, 'utf8');
  output.stderr.write(`demo-org: wrote ${outFile}\n`);
}

/**
 * parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
 * Duck-typed: errors from Node internals may come from another realm (Jest).
 */
function isArgumentError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE_ARGS')
  );
}

function messageOf(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string'
  ) {
    return error.message;
  }
  return String(error);
}
