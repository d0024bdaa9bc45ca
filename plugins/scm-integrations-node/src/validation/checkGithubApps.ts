import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { IntegrationsConfigProblem } from '../types';
import { error, isObject, RawIntegration, RawObject } from './rawIntegrations';

function checkAppId(app: RawObject, key: string) {
  const appId = app.appId;
  if (appId === undefined) {
    return error(
      key,
      "is required (the App ID from the GitHub App's settings page)",
    );
  }
  const isNumber =
    (typeof appId === 'number' && Number.isInteger(appId)) ||
    (typeof appId === 'string' && /^\d+$/.test(appId.trim()));
  return isNumber
    ? undefined
    : error(
        key,
        `must be a number (the App ID from the GitHub App's settings page), got '${String(
          appId,
        )}'`,
      );
}

function checkPrivateKey(app: RawObject, key: string) {
  const value = app.privateKey;
  if (typeof value !== 'string' || !value.trim()) {
    return error(
      key,
      "is required (the PEM private key generated on the GitHub App's settings page)",
    );
  }
  // Upstream accepts keys written on one line with literal \n.
  const pem = value.replace(/\\n/g, '\n');
  if (!pem.includes('-----BEGIN ')) {
    return error(
      key,
      "is not a PEM private key: expected the whole .pem file generated on the GitHub App's settings page, from its -----BEGIN line to its -----END line",
    );
  }
  try {
    createPrivateKey(pem);
    return undefined;
  } catch (e) {
    return isPublicKey(pem)
      ? error(
          key,
          "is not a PEM private key: it is a public key or certificate; use the private key .pem generated on the GitHub App's settings page",
        )
      : error(
          key,
          `is not a readable PEM private key (${
            (e as Error).message
          }); paste the whole .pem file, including its BEGIN and END lines`,
        );
  }
}

function isPublicKey(pem: string): boolean {
  try {
    createPublicKey(pem);
    return true;
  } catch {
    return false;
  }
}

/** `integrations.github[].apps[]`: appId, privateKey, clientId, clientSecret. */
export function checkGithubApps(
  integrations: RawIntegration[],
): IntegrationsConfigProblem[] {
  const problems: IntegrationsConfigProblem[] = [];
  for (const integration of integrations) {
    const apps = integration.value.apps;
    if (integration.type !== 'github' || apps === undefined) continue;
    if (!Array.isArray(apps)) {
      problems.push(
        error(`${integration.key}.apps`, 'must be a list of GitHub Apps'),
      );
      continue;
    }
    apps.forEach((app, index) => {
      const key = `${integration.key}.apps[${index}]`;
      if (!isObject(app)) {
        problems.push(
          error(
            key,
            'must be an object with appId, privateKey, clientId and clientSecret',
          ),
        );
        return;
      }
      for (const problem of [
        checkAppId(app, `${key}.appId`),
        checkPrivateKey(app, `${key}.privateKey`),
      ]) {
        if (problem) problems.push(problem);
      }
      for (const field of ['clientId', 'clientSecret']) {
        if (typeof app[field] !== 'string' || !app[field]) {
          problems.push(
            error(
              `${key}.${field}`,
              "is required (from the GitHub App's settings page)",
            ),
          );
        }
      }
    });
  }
  return problems;
}
