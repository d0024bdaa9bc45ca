import { runTool } from './runTool';

/**
 * Drops the RFC 2849 `version: 1` line, which ldapadd accepts but slapadd
 * 2.5 rejects ("str2entry: entry -1 has no dn").
 */
export function withoutVersionLine(ldif: string): string {
  return ldif.replace(/^\s*version:\s*1[ \t]*(\r?\n)*/, '');
}

/**
 * Bulk-loads LDIF into the (stopped) database with `slapadd -q`. Overlays do
 * not run, so `memberOf` is not populated.
 */
export async function loadOffline(params: {
  slapaddPath: string;
  configDir: string;
  suffix: string;
  ldif: string;
}): Promise<void> {
  await runTool(
    params.slapaddPath,
    ['-q', '-F', params.configDir, '-b', params.suffix],
    { input: withoutVersionLine(params.ldif) },
  );
}

/** Adds LDIF records through the running server with `ldapadd`. */
export async function addOnline(params: {
  ldapaddPath: string;
  url: string;
  rootDn: string;
  passwordFile: string;
  ldif: string;
}): Promise<void> {
  await runTool(
    params.ldapaddPath,
    ['-x', '-H', params.url, '-D', params.rootDn, '-y', params.passwordFile],
    { input: params.ldif },
  );
}
