import type { IntegrationsConfigProblem, ScmIntegrationType } from '../types';
import {
  error,
  isObject,
  RawIntegration,
  RawObject,
  warning,
} from './rawIntegrations';

/** A secret key and whether `@backstage/integration` trims its value. */
type SecretField = { field: string; trimmed: boolean };

const TOP_LEVEL: Record<ScmIntegrationType, SecretField[]> = {
  github: [{ field: 'token', trimmed: true }],
  gitlab: [{ field: 'token', trimmed: true }],
  bitbucketCloud: [
    { field: 'appPassword', trimmed: true },
    { field: 'token', trimmed: false },
    { field: 'clientSecret', trimmed: true },
  ],
  bitbucketServer: [
    { field: 'token', trimmed: true },
    { field: 'password', trimmed: false },
  ],
  azure: [],
};

/** Secrets in nested lists: GitHub Apps and Azure credentials. */
const NESTED: Partial<
  Record<ScmIntegrationType, { list: string; fields: SecretField[] }>
> = {
  github: {
    list: 'apps',
    fields: [
      { field: 'privateKey', trimmed: true },
      { field: 'clientSecret', trimmed: false },
    ],
  },
  azure: {
    list: 'credentials',
    fields: [
      { field: 'personalAccessToken', trimmed: true },
      { field: 'clientSecret', trimmed: true },
    ],
  },
};

const PLACEHOLDER = /\$\{[^}]*\}/;

function checkSecret(
  value: RawObject,
  { field, trimmed }: SecretField,
  key: string,
): IntegrationsConfigProblem | undefined {
  const secret = value[field];
  if (typeof secret !== 'string') return undefined;
  const placeholder = PLACEHOLDER.exec(secret);
  if (placeholder) {
    return error(
      key,
      `contains the unexpanded placeholder '${placeholder[0]}'; set the environment variable it names, or write the value itself`,
    );
  }
  // PEM keys are multi-line; surrounding whitespace does not matter there.
  if (field === 'privateKey' || secret.trim() === secret) return undefined;
  return trimmed
    ? warning(
        key,
        'has leading or trailing whitespace (often a newline in the secret file); it is trimmed here, but other tools reading the same secret may fail',
      )
    : error(
        key,
        'has leading or trailing whitespace (often a newline in the secret file), which is sent as part of the credential; remove it',
      );
}

/** Placeholders left unexpanded, and secrets with surrounding whitespace. */
export function checkSecrets(
  integrations: RawIntegration[],
): IntegrationsConfigProblem[] {
  const problems: IntegrationsConfigProblem[] = [];
  const add = (p: IntegrationsConfigProblem | undefined) => {
    if (p) problems.push(p);
  };
  for (const integration of integrations) {
    for (const field of TOP_LEVEL[integration.type]) {
      add(
        checkSecret(
          integration.value,
          field,
          `${integration.key}.${field.field}`,
        ),
      );
    }
    const nested = NESTED[integration.type];
    const list = nested && integration.value[nested.list];
    if (!nested || !Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (!isObject(item)) return;
      for (const field of nested.fields) {
        add(
          checkSecret(
            item,
            field,
            `${integration.key}.${nested.list}[${index}].${field.field}`,
          ),
        );
      }
    });
  }
  return problems;
}
