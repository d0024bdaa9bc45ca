import { access, constants } from 'node:fs/promises';
import { SLAPD_NOT_INSTALLED_MESSAGE, SlapdNotInstalledError } from './errors';

/** Absolute paths of the OpenLDAP programs the harness runs. */
export interface SlapdBinaries {
  slapd: string;
  slapadd: string;
  ldapadd: string;
  ldapwhoami: string;
  /**
   * util-linux setpriv, used to give slapd a parent-death signal; optional
   * (without it slapd may outlive a Node process that is killed).
   */
  setpriv?: string;
}

const SETPRIV_PATH = '/usr/bin/setpriv';

const DEBIAN_PATHS: Required<Omit<SlapdBinaries, 'setpriv'>> = {
  slapd: '/usr/sbin/slapd',
  slapadd: '/usr/sbin/slapadd',
  ldapadd: '/usr/bin/ldapadd',
  ldapwhoami: '/usr/bin/ldapwhoami',
};

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the binaries to use (Debian paths unless overridden) after checking
 * that every one of them is executable.
 */
export async function resolveBinaries(
  overrides: Partial<Omit<SlapdBinaries, 'setpriv'>>,
): Promise<SlapdBinaries> {
  const binaries = {
    slapd: overrides.slapd ?? DEBIAN_PATHS.slapd,
    slapadd: overrides.slapadd ?? DEBIAN_PATHS.slapadd,
    ldapadd: overrides.ldapadd ?? DEBIAN_PATHS.ldapadd,
    ldapwhoami: overrides.ldapwhoami ?? DEBIAN_PATHS.ldapwhoami,
  };
  const paths = Object.values(binaries);
  const executable = await Promise.all(paths.map(isExecutable));
  const missing = paths.filter((_, index) => !executable[index]);
  if (missing.length > 0) {
    throw new SlapdNotInstalledError(
      `${SLAPD_NOT_INSTALLED_MESSAGE}; missing: ${missing.join(', ')}`,
    );
  }
  const setpriv = (await isExecutable(SETPRIV_PATH)) ? SETPRIV_PATH : undefined;
  return { ...binaries, setpriv };
}
