/*
 * Contender "upstream-backend": the same upstream provider, installed the way
 * a backend installs it (its catalog module in a test backend, like ours),
 * so that its peak RSS includes the same backend baseline as ours. The
 * schedule's initial delay keeps the scheduler from running it; the timed
 * read() is started here, as for "upstream".
 */
import type { ExtensionPoint } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogModuleLdapOrgEntityProvider, {
  LdapOrgEntityProvider,
} from '@backstage/plugin-catalog-backend-module-ldap';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import { ChildResult, errorText, finish, readChildParams } from './protocol';
import { measureUpstreamRead, upstreamConfig } from './upstreamCommon';

async function main(): Promise<ChildResult> {
  const params = readChildParams();
  const { directory, logLevel } = params;
  const providers: EntityProvider[] = [];
  const catalogProcessing = {
    addEntityProvider(...added: Array<EntityProvider | EntityProvider[]>) {
      providers.push(...added.flat());
    },
    addProcessor() {},
    addPlaceholderResolver() {},
    setOnProcessingErrorHandler() {},
  };

  const backendStart = performance.now();
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint as ExtensionPoint<
          typeof catalogProcessing
        >,
        catalogProcessing,
      ],
    ],
    features: [
      catalogModuleLdapOrgEntityProvider,
      mockServices.rootConfig.factory({
        data: upstreamConfig(directory, {
          frequency: { hours: 24 },
          timeout: { minutes: 30 },
          initialDelay: { hours: 24 },
        }),
      }),
      mockServices.rootLogger.factory({ level: logLevel ?? 'warn' }),
    ],
  });
  const backendStartMs = performance.now() - backendStart;

  const provider = providers.find(p => p instanceof LdapOrgEntityProvider);
  if (!provider) {
    throw new Error('the upstream module added no LdapOrgEntityProvider');
  }
  const result = await measureUpstreamRead(
    provider as LdapOrgEntityProvider,
    params,
  );
  return {
    ...result,
    totalMs:
      result.wallMs === undefined ? undefined : backendStartMs + result.wallMs,
    phases: { backendStart: backendStartMs, ...result.phases },
  };
}

main().then(finish, error => finish({ ok: false, error: errorText(error) }));
