import { mockServices } from '@backstage/backend-test-utils';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readGroupPolicyConfig,
  type GroupPolicyConfig,
} from './readGroupPolicyConfig';
import { watchPolicy } from './watchPolicy';

const registrar = (member: string) =>
  `roles:\n  registrar:\n    rules:\n      - allow: catalog.location.create\nbindings:\n  - role: registrar\n    members: [${member}]\n`;

async function until(check: () => boolean) {
  for (let i = 0; i < 800 && !check(); i++) {
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}

describe('watchPolicy', () => {
  it('applies an edited policy file and keeps the last good policy when an edit is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'group-policy-watch-'));
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, registrar('group:default/platform-team'));
    const config = mockServices.rootConfig({
      data: {
        permission: {
          groupPolicy: { file, roles: { admin: { superuser: true } } },
        },
      },
    });
    const logger = mockServices.logger.mock();
    let policy: GroupPolicyConfig = readGroupPolicyConfig(config);
    const stop = watchPolicy({
      config,
      logger,
      current: () => policy,
      apply: next => {
        policy = next;
      },
      filePollMs: 20,
    });
    try {
      const first = policy.version;
      writeFileSync(file, registrar('group:default/sre'));
      await until(() => policy.bindings[0]?.members[0] === 'group:default/sre');
      expect(policy.version).not.toBe(first);
      expect(policy.bindings[0].members).toEqual(['group:default/sre']);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Permission policy reloaded \(.*policy\.yaml changed\): version [0-9a-f]{12}, 2 roles, 1 bindings$/,
        ),
      );

      writeFileSync(file, 'roles:\n  registrar:\n    rules: nope\n');
      await until(() => logger.error.mock.calls.length > 0);
      expect(logger.error.mock.calls[0][0]).toMatch(
        new RegExp(
          `^Permission policy reload rejected \\(.*changed\\); keeping version ${policy.version}: Invalid permission policy: .*policy\\.yaml: roles\\.registrar\\.rules: Expected array`,
        ),
      );
      expect(policy.bindings[0].members).toEqual(['group:default/sre']);

      config.update({
        data: {
          permission: {
            groupPolicy: {
              file,
              roles: { admin: { superuser: true } },
              defaultRoles: ['admin'],
            },
          },
        },
      });
      writeFileSync(file, registrar('group:default/web'));
      await until(
        () =>
          policy.defaultRoles.length === 1 &&
          policy.bindings[0]?.members[0] === 'group:default/web',
      );
      expect(policy.defaultRoles).toEqual(['admin']);
    } finally {
      stop();
    }
  }, 30_000);
});
