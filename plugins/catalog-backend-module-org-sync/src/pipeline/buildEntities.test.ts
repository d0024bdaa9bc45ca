import {
  groupEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { group, user } from '../__testUtils__/sourceData';
import { buildEntities } from './buildEntities';

describe('buildEntities', () => {
  it('builds entities that the catalog’s User and Group schemas accept', async () => {
    const { entities } = buildEntities({
      providerId: 'corp',
      namespace: 'default',
      users: [
        {
          id: 'ldap:a:1',
          keys: ['ldap:a:1'],
          sourcePrefixes: ['ldap:a:'],
          parts: [
            user('1', {
              displayName: 'Ada',
              email: 'ada@example.com',
              picture: 'https://example.com/ada.png',
              description: 'Engineer',
              memberOf: ['g'],
              fields: {
                'metadata.title': 'Ada L.',
                'metadata.labels.site': 'berlin',
              },
            }),
          ],
        },
      ],
      groups: [
        {
          id: 'ldap:a:g',
          keys: ['ldap:a:g'],
          sourcePrefixes: ['ldap:a:'],
          parts: [group('g', { parents: ['p'] })],
        },
        {
          id: 'ldap:a:p',
          keys: ['ldap:a:p'],
          sourcePrefixes: ['ldap:a:'],
          parts: [group('p')],
        },
      ],
      userNames: new Map([['ldap:a:1', 'ada']]),
      groupNames: new Map([
        ['ldap:a:g', 'team'],
        ['ldap:a:p', 'parent'],
      ]),
    });
    for (const { entity } of entities) {
      const validator =
        entity.kind === 'User'
          ? userEntityV1alpha1Validator
          : groupEntityV1alpha1Validator;
      await expect(validator.check(entity)).resolves.toBe(true);
    }
    expect(entities.map(e => e.entity.kind)).toEqual([
      'User',
      'Group',
      'Group',
    ]);
  });
});
