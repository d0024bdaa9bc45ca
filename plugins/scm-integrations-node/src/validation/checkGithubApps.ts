import { createPrivateKey } from 'node:crypto';
import type { IntegrationsConfigProblem } from '../types';
import { error, isObject, RawIntegration, RawObject } from './rawIntegrations';

const PEM_PRIVATE_KEY =
  /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

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
  if (!PEM_PRIVATE_KEY.test(pem)) {
    return error(
      key,
      "is not a PEM private key: expected a -----BEGIN RSA PRIVATE KEY----- (or -----BEGIN PRIVATE KEY-----) block, as in the .pem file generated on the GitHub App's settings page",
    );
  }
  try {
    createPrivateKey(pem);
    return undefined;
  } catch (e) {
    return error(
      key,
      `is not a readable PEM private key (${
        (e as Error).message
      }); paste the whole .pem file, including its BEGIN and END lines`,
    );
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
