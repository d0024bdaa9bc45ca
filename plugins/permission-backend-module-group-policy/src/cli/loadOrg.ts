import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { OrgGraph, type OrgSnapshot } from '../graph/OrgGraph';

/**
 * The org to test against: a running portal (`http(s)://…`, read from
 * `/api/permission/group-policy/snapshot` with a token), a snapshot JSON file
 * that route wrote, or catalog YAML files of Users and Groups.
 */
export async function loadOrg(
  source: string,
  options: { token?: string; rolesAnnotation?: string },
): Promise<OrgGraph> {
  if (/^https?:\/\//.test(source)) {
    const url = `${source.replace(
      /\/$/,
      '',
    )}/api/permission/group-policy/snapshot`;
    const response = await fetch(url, {
      headers: options.token
        ? { authorization: `Bearer ${options.token}` }
        : {},
    });
    if (!response.ok) {
      throw new Error(
        `GET ${url} answered ${response.status}: ${(
          await response.text()
        ).slice(0, 300)}`,
      );
    }
    return OrgGraph.fromSnapshot((await response.json()) as OrgSnapshot);
  }
  const text = readFileSync(source, 'utf8');
  if (source.endsWith('.json')) {
    return OrgGraph.fromSnapshot(JSON.parse(text) as OrgSnapshot);
  }
  const entities = parseAllDocuments(text)
    .map(doc => doc.toJS() as Entity)
    .filter(e => e && typeof e === 'object' && 'kind' in e);
  return OrgGraph.fromEntities(entities, {
    rolesAnnotation: options.rolesAnnotation,
  });
}
