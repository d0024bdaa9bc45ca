/*
 * Contender "upstream": @backstage/plugin-catalog-backend-module-ldap, set up
 * as a user would for this directory, read once with `schedule: 'manual'`.
 * Timed from just before `provider.read()` until its full mutation reaches
 * `applyMutation`. Started by the benchmark with BENCH params in the env.
 */
import { ConfigReader } from '@backstage/config';
import { LdapOrgEntityProvider } from '@backstage/plugin-catalog-backend-module-ldap';
import { stderrLogger } from './logger';
import { ChildResult, errorText, finish, readChildParams } from './protocol';
import { measureUpstreamRead, upstreamConfig } from './upstreamCommon';

async function main(): Promise<ChildResult> {
  const params = readChildParams();
  const { directory, logLevel } = params;
  const [provider] = LdapOrgEntityProvider.fromConfig(
    new ConfigReader(upstreamConfig(directory)),
    { logger: stderrLogger(logLevel ?? 'warn'), schedule: 'manual' },
  );
  return measureUpstreamRead(provider, params);
}

main().then(finish, error => finish({ ok: false, error: errorText(error) }));
