import { ConfigReader } from '@backstage/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGroupPolicyConfig } from './readGroupPolicyConfig';

const read = (groupPolicy: unknown, workingDirectory?: string) =>
  readGroupPolicyConfig(
    new ConfigReader({ permission: { groupPolicy } } as any),
    {
      workingDirectory,
    },
  );

const minimal = {
  roles: { admin: { superuser: true } },
  bindings: [{ role: 'admin', members: ['group:default/admins'] }],
};

describe('readGroupPolicyConfig', () => {
  it('reads a policy with defaults for the graph and a version hash', () => {
    const policy = read(minimal);
    expect([...policy.roles.keys()]).toEqual(['admin']);
    expect(policy.graph).toEqual({
      refreshMs: 300_000,
      maxStalenessMs: 1_800_000,
    });
    expect(policy.pluginsWithPermission).toEqual(['catalog']);
    expect(policy.version).toMatch(/^[0-9a-f]{12}$/);
    expect(read(minimal).version).toBe(policy.version);
    expect(read({ ...minimal, defaultRoles: ['admin'] }).version).not.toBe(
      policy.version,
    );
  });

  it('refuses a missing policy instead of falling back to allow-all', () => {
    expect(() => readGroupPolicyConfig(new ConfigReader({}))).toThrow(
      /permission.groupPolicy is missing/,
    );
  });

  it.each([
    [
      {
        ...minimal,
        bindings: [{ role: 'nobody', members: ['group:default/a'] }],
      },
      "permission.groupPolicy.bindings[0].role: no role named 'nobody'",
    ],
    [
      { ...minimal, defaultRoles: ['ghost'] },
      "permission.groupPolicy.defaultRoles[0]: no role named 'ghost'",
    ],
    [
      { roles: { dev: { rules: [{ allow: 'a', deny: 'b' }] } } },
      'permission.groupPolicy.roles.dev.rules[0]: a rule has exactly one of allow or deny',
    ],
    [
      { roles: { dev: { rules: [{ deny: 'a', when: { isOwner: true } }] } } },
      'permission.groupPolicy.roles.dev.rules[0].when: only allow rules take conditions',
    ],
    [
      { roles: { dev: { rules: [{ allow: { actions: ['publish'] } }] } } },
      'permission.groupPolicy.roles.dev.rules[0].allow',
    ],
    [
      { roles: { dev: {} } },
      'permission.groupPolicy.roles.dev: a role needs rules or superuser: true',
    ],
    [
      { ...minimal, bindings: [{ role: 'admin', members: ['admins'] }] },
      'permission.groupPolicy.bindings[0].members[0]: a member is user:<namespace>/<name>',
    ],
    [
      { ...minimal, extra: true },
      "permission.groupPolicy: Unrecognized key(s) in object: 'extra'",
    ],
  ])('names the key of an invalid policy (%#)', (policy, message) => {
    expect(() => read(policy)).toThrow(message);
  });

  it('adds the roles and bindings of the policy file and names its keys on errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'group-policy-'));
    writeFileSync(
      join(dir, 'policy.yaml'),
      'roles:\n  registrar:\n    rules:\n      - allow: catalog.location.create\nbindings:\n  - role: registrar\n    members: [group:default/platform-team]\n',
    );
    const policy = read({ ...minimal, file: 'policy.yaml' }, dir);
    expect([...policy.roles.keys()]).toEqual(['admin', 'registrar']);
    expect(policy.bindings).toHaveLength(2);
    expect(policy.file).toBe(join(dir, 'policy.yaml'));

    writeFileSync(
      join(dir, 'bad.yaml'),
      'roles:\n  admin:\n    superuser: yes please\n',
    );
    expect(() => read({ ...minimal, file: 'bad.yaml' }, dir)).toThrow(
      `${join(dir, 'bad.yaml')}: roles.admin.superuser: Expected boolean`,
    );
    writeFileSync(
      join(dir, 'twice.yaml'),
      'roles:\n  admin:\n    superuser: true\n',
    );
    expect(() => read({ ...minimal, file: 'twice.yaml' }, dir)).toThrow(
      "role 'admin' is defined both in permission.groupPolicy.roles and in",
    );
    expect(() => read({ ...minimal, file: 'missing.yaml' }, dir)).toThrow(
      'permission.groupPolicy.file: cannot read',
    );
  });
});
