import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  GroupEntity,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  UserEntity,
  groupEntityV1alpha1Validator,
  isGroupEntity,
  isUserEntity,
  makeValidator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { parseLdif } from './__testUtils__/parseLdif';
import {
  ANNOTATION_GITHUB_USER_ID,
  ANNOTATION_GITHUB_USER_LOGIN,
  ANNOTATION_LDAP_DN,
  toCatalogEntities,
  toCatalogYaml,
} from './catalog';
import { toLdif } from './ldif';
import { loadDemoOrg } from './schema';
import { generateOrg } from './scale';

const org = loadDemoOrg();

/** The checks the catalog runs on every entity it ingests. */
const catalogPolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** What the catalog would reject about the entity; empty when it is valid. */
async function entityProblems(entity: Entity): Promise<string[]> {
  const name = `${entity.kind}:${entity.metadata.name}`;
  const problems: string[] = [];
  const validator = isUserEntity(entity)
    ? userEntityV1alpha1Validator
    : groupEntityV1alpha1Validator;
  try {
    if (!(await validator.check(entity))) {
      problems.push(`${name}: not a ${entity.kind} entity`);
    }
    await catalogPolicy.enforce(entity);
  } catch (error) {
    problems.push(`${name}: ${(error as Error).message}`);
  }
  if (!makeValidator().isValidEntityName(entity.metadata.name)) {
    problems.push(`${name}: invalid entity name`);
  }
  return problems;
}

async function allProblems(entities: Entity[]): Promise<string[]> {
  return (await Promise.all(entities.map(entityProblems))).flat();
}

describe('toCatalogEntities on the demo org', () => {
  const entities = toCatalogEntities(org);
  const users = entities.filter(isUserEntity) as UserEntity[];
  const groups = entities.filter(isGroupEntity) as GroupEntity[];
  const byName = <T extends Entity>(list: T[], name: string): T => {
    const found = list.find(entity => entity.metadata.name === name);
    if (!found) {
      throw new Error(`no entity ${name}`);
    }
    return found;
  };

  it('passes the catalog validators and policies', async () => {
    expect(await allProblems(entities)).toEqual([]);
  });

  it('would be caught by those checks if a name were invalid', async () => {
    const [first] = entities;
    const broken = {
      ...first,
      metadata: { ...first.metadata, name: 'Not Valid!' },
    };
    expect(await allProblems([broken])).not.toEqual([]);
  });

  it('has one Group per team and one User per enabled person', () => {
    expect(groups.map(group => group.metadata.name)).toEqual(
      org.teams.map(team => team.id),
    );
    expect(users.map(user => user.metadata.name)).toEqual(
      org.people.filter(person => !person.disabled).map(person => person.id),
    );
    expect(users.map(user => user.metadata.name)).not.toContain(
      'max-mustermann',
    );
  });

  it('maps teams to Group entities of type team with their parent', () => {
    expect(byName(groups, 'sre')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'sre',
        description: 'Keeps production up',
        annotations: {
          'backstage.io/ldap-dn': 'cn=sre,ou=groups,dc=example,dc=com',
          'backstage.io/ldap-rdn': 'sre',
        },
      },
      spec: {
        type: 'team',
        profile: { displayName: 'Site Reliability Engineering' },
        parent: 'platform-team',
        children: [],
      },
    });
    expect(byName(groups, 'engineering').spec.parent).toBeUndefined();
  });

  it('maps people to User entities with profile, teams and annotations', () => {
    expect(byName(users, 'zoe-hoffmann')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name: 'zoe-hoffmann',
        annotations: {
          'backstage.io/ldap-dn': 'uid=zhoffmann,ou=people,dc=example,dc=com',
          'backstage.io/ldap-rdn': 'zhoffmann',
          'github.com/user-login': 'zoe-hoffmann',
          'github.com/user-id': '10001',
        },
      },
      spec: {
        profile: {
          displayName: 'Zoë Hoffmann',
          email: 'zoe.hoffmann@example.com',
        },
        memberOf: ['platform-team', 'admins'],
      },
    });
  });

  it('leaves out GitHub annotations for people without a GitHub account', () => {
    const sam = byName(users, 'sam-taylor');
    expect(sam.metadata.annotations).not.toHaveProperty(
      ANNOTATION_GITHUB_USER_LOGIN,
    );
    expect(sam.metadata.annotations).not.toHaveProperty(
      ANNOTATION_GITHUB_USER_ID,
    );
    expect(sam.spec.memberOf).toEqual([]);
  });

  it('only refers to groups that exist', () => {
    const groupNames = new Set(groups.map(group => group.metadata.name));
    for (const user of users) {
      user.spec.memberOf?.forEach(name =>
        expect(groupNames.has(name)).toBe(true),
      );
    }
    const parents = groups.flatMap(group =>
      group.spec.parent ? [group.spec.parent] : [],
    );
    expect(parents.length).toBeGreaterThan(0);
    parents.forEach(parent => expect(groupNames.has(parent)).toBe(true));
  });

  it('annotates exactly the DNs the LDIF defines, for the same options', () => {
    for (const options of [
      {},
      { baseDn: 'dc=corp,dc=test' },
      { personRdnAttribute: 'cn' as const },
    ]) {
      const ldifDns = new Set(
        parseLdif(toLdif(org, options)).map(entry => entry.dn),
      );
      for (const entity of toCatalogEntities(org, options)) {
        expect(
          ldifDns.has(entity.metadata.annotations![ANNOTATION_LDAP_DN]),
        ).toBe(true);
      }
    }
  });

  it('uses the escaped DN of the comma name when people are named by cn', () => {
    const jane = byName(
      toCatalogEntities(org, { personRdnAttribute: 'cn' }).filter(
        isUserEntity,
      ) as UserEntity[],
      'jane-smith',
    );
    expect(jane.metadata.annotations?.[ANNOTATION_LDAP_DN]).toBe(
      'cn=Smith\\, Jane,ou=people,dc=example,dc=com',
    );
  });
});

describe('toCatalogEntities on a generated org', () => {
  it('produces valid entities at scale', async () => {
    const entities = toCatalogEntities(
      generateOrg({ people: 500, groups: 60, seed: 3 }),
    );
    expect(await allProblems(entities)).toEqual([]);
  });
});

describe('toCatalogYaml', () => {
  it('is one YAML document per entity, parsing back to the entities', () => {
    const yaml = toCatalogYaml(org);
    const documents = parseAllDocuments(yaml);
    expect(Array.isArray(documents)).toBe(true);
    const parsed = (documents as Array<{ toJS(): unknown }>).map(document =>
      document.toJS(),
    );
    expect(parsed).toEqual(toCatalogEntities(org));
    expect(yaml.startsWith('---\napiVersion: backstage.io/v1alpha1\n')).toBe(
      true,
    );
    expect(yaml).toContain('displayName: 李伟');
  });
});
