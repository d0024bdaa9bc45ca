import path from 'node:path';
import { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { APP_URL, BACKEND_URL, RESULTS_DIR } from './support/portal';

/** A Backstage token of the demo's guest user. */
async function guestToken(): Promise<string> {
  const response = await fetch(
    `${BACKEND_URL}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  const body = await response.json();
  return body.backstageIdentity.token;
}

async function api(token: string, route: string) {
  const response = await fetch(`${BACKEND_URL}/api/catalog${route}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

/** Polls a catalog route until the answer satisfies `ok` (the catalog processes entities after a commit). */
async function eventually(
  token: string,
  route: string,
  ok: (answer: { status: number; body: any }) => boolean,
) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await api(token, route);
    if (ok(answer) || Date.now() > deadline) return answer;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/** Waits for the org sync provider's first run (2 s after start-up). */
function firstRun(token: string) {
  return eventually(token, '/org-sync/providers/example', answer =>
    Boolean(answer.body.lastRun),
  );
}

describe('the demo organisation synced from the demo directory, GitHub and GitLab', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reports a clean first sync on the status route', async () => {
    const token = await guestToken();
    const status = await firstRun(token);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      providerId: 'example',
      state: 'configured',
      // 17 people and 9 teams, each seen by up to three sources, plus GitLab's root group.
      committed: { users: 17, groups: 10 },
      lastRun: {
        outcome: 'committed',
        counts: { read: { users: 48, groups: 28 }, problems: { errors: 0 } },
        collisions: [],
        sources: [
          {
            source: 'ldap.demo-directory',
            ok: true,
            complete: true,
            users: 17,
          },
          { source: 'github.demo-github', ok: true, complete: true, users: 16 },
          { source: 'gitlab.demo-gitlab', ok: true, complete: true, users: 15 },
        ],
      },
    });
  });

  it('leaves out the disabled account and carries the LDAP annotations', async () => {
    const token = await guestToken();
    await firstRun(token);
    expect(
      (await api(token, '/entities/by-name/user/default/mmustermann')).status,
    ).toBe(404);
    const lukasz = await eventually(
      token,
      '/entities/by-name/user/default/lnowak',
      answer => answer.status === 200,
    );
    expect(lukasz.body.metadata.annotations).toMatchObject({
      'backstage.io/ldap-dn': 'uid=lnowak,ou=people,dc=example,dc=com',
      'backstage.io/ldap-uuid': expect.stringMatching(/^[0-9a-f-]{36}$/),
      'example.com/employee-id': expect.any(String),
    });
    expect(lukasz.body.spec.memberOf.sort()).toEqual([
      'group:default/sre',
      'group:default/sre-oncall',
    ]);
  });

  it('merges each person and team of the three sources into one entity', async () => {
    const token = await guestToken();
    await firstRun(token);
    const alice = await eventually(
      token,
      '/entities/by-name/user/default/alice',
      answer => answer.status === 200,
    );
    expect(alice.body.metadata.annotations).toMatchObject({
      'backstage.io/ldap-dn': 'uid=alice,ou=people,dc=example,dc=com',
      'github.com/user-login': 'alice-andersson',
      'github.com/user-id': 'MDQ6VXNlcjEwMDE3',
      '127.0.0.1/user-id': '20017',
    });
    expect(alice.body.spec.memberOf).toEqual(['group:default/platform-team']);
    const sre = await api(token, '/entities/by-name/group/default/sre');
    expect(sre.body.metadata.annotations).toMatchObject({
      'backstage.io/ldap-dn': 'cn=sre,ou=groups,dc=example,dc=com',
      'github.com/team-slug': 'example-corp/sre',
      '127.0.0.1/group-path': 'example-corp/engineering/platform-team/sre',
    });
  });

  it('shows a person with their nested teams on the org pages', async () => {
    const page = await browser.newPage();
    await page.goto(APP_URL);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByTestId('sidebar-root')
      .getByRole('link', { name: 'Catalog', exact: true })
      .waitFor();

    await page.goto(`${APP_URL}/catalog/default/user/lnowak`);
    await page.getByText('Łukasz Nowak').first().waitFor();
    await page.getByText('lukasz.nowak@example.com').first().waitFor();
    await page.screenshot({
      path: path.join(RESULTS_DIR, 'user-lnowak.png'),
      fullPage: true,
    });

    await page.goto(`${APP_URL}/catalog/default/group/platform-team`);
    await page.getByText('sre', { exact: true }).first().waitFor();
    await page.screenshot({
      path: path.join(RESULTS_DIR, 'group-platform-team.png'),
      fullPage: true,
    });
  });
});
