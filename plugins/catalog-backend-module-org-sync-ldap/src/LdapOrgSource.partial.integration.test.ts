import { generateOrg } from '@internal/demo-org';
import type { SlapdInstance } from '@internal/slapd-harness';
import {
  createSource,
  demoSourceConfig,
  readSource,
  SLAPD_TIMEOUT_MS,
  startDemoSlapd,
} from './__testUtils__/demoDirectory';

describe('LDAP source when slapd stops in the middle of a read', () => {
  const org = generateOrg({ people: 60, groups: 8, seed: 3 });
  let instance: SlapdInstance;

  beforeAll(async () => {
    instance = await startDemoSlapd({ org, slapd: { loadWith: 'slapadd' } });
  }, SLAPD_TIMEOUT_MS);

  afterAll(() => instance?.stop());

  it('returns what it read with complete: false and an error problem', async () => {
    let stopped: Promise<void> | undefined;
    const source = createSource(
      { ...demoSourceConfig(instance.url), pageSize: 5 },
      {
        // Transformers run while their page is processed: stopping slapd on
        // the first user lets that page finish and makes the next one fail.
        userTransformer: async (_entry, draft) => {
          stopped ??= instance.stop();
          await stopped;
          return draft;
        },
      },
    );
    const result = await readSource(source);
    const enabled = org.people.filter(p => !p.disabled).length;

    expect(result.complete).toBe(false);
    expect(result.users.length).toBeGreaterThanOrEqual(5);
    expect(result.users.length).toBeLessThan(enabled);
    expect(result.problems).toContainEqual({
      severity: 'error',
      code: 'search-failed',
      message: expect.stringMatching(
        new RegExp(
          `^The user search under ou=people,dc=example,dc=com at ${instance.url} failed after \\d+ entries: `,
        ),
      ),
    });
  });

  it('throws once slapd is gone', async () => {
    await instance.stop();
    await expect(
      readSource(createSource(demoSourceConfig(instance.url))),
    ).rejects.toThrow(
      `Could not connect and bind to any LDAP server: ${instance.url} failed:`,
    );
  });
});
