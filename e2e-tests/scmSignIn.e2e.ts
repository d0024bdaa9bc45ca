import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { APP_URL, BACKEND_URL, RESULTS_DIR } from './support/portal';

/**
 * GitHub and GitLab sign-in through the stand-ins' consent pages (packages/scm-standins, started by
 * scripts/start.sh): alice lands on the same catalog user with the same groups as with her LDAP password,
 * and an account with no portal user sees the clear message.
 */
const ALICE = {
  uid: 'alice',
  password: 'demo-alice-wonderland',
  displayName: 'Alice Andersson',
  githubLogin: 'alice-andersson',
  gitlabUsername: 'alice',
  teams: ['platform-team'],
};

const PROVIDERS = [
  {
    id: 'github',
    title: 'GitHub',
    alice: ALICE.githubLogin,
    outsider: 'outsider-octocat',
  },
  {
    id: 'gitlab',
    title: 'GitLab',
    alice: ALICE.gitlabUsername,
    outsider: 'outsider',
  },
] as const;

type Identity = { userEntityRef: string; ownershipEntityRefs: string[] };

function screenshot(page: Page, name: string) {
  return page.screenshot({
    path: path.join(RESULTS_DIR, name),
    fullPage: true,
  });
}

function sidebarCatalogLink(page: Page) {
  return page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Catalog', exact: true });
}

/**
 * The Backstage identity behind the browser's session cookies of a provider, from its /refresh route. Sent
 * through the browser context's request API, so that a rotated refresh token (GitLab) lands back in the
 * browser's cookie jar and the page's own session keeps working.
 */
async function identityOf(
  context: BrowserContext,
  providerId: string,
): Promise<Identity> {
  const response = await context.request.post(
    `${BACKEND_URL}/api/auth/${providerId}/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(response.status()).toBe(200);
  return (await response.json()).backstageIdentity.identity;
}

/**
 * Waits until the org sync has put `ref` into the catalog (the portal answers before its first sync), asking
 * the catalog as the demo guest.
 */
async function waitForCatalogEntity(ref: { kind: string; name: string }) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const guest = await fetch(
      `${BACKEND_URL}/api/auth/guest/refresh?env=development`,
      {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      },
    );
    const token = (await guest.json()).backstageIdentity?.token;
    const response = await fetch(
      `${BACKEND_URL}/api/catalog/entities/by-name/${ref.kind}/default/${ref.name}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (response.status === 200) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${ref.kind}:default/${ref.name} is not in the catalog (HTTP ${response.status})`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/** Clicks "Sign in with <title>", picks `account` on the stand-in's consent page and authorizes. */
async function signInThroughPopup(
  page: Page,
  title: string,
  account: string,
  shot: string,
) {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: `Sign in with ${title}` }).click(),
  ]);
  await popup
    .getByRole('heading', { name: `Sign in to the ${title} stand-in` })
    .waitFor();
  await popup.locator('select[name="login"]').selectOption(account);
  await screenshot(popup, shot);
  await Promise.all([
    popup.waitForEvent('close'),
    popup.getByRole('button', { name: 'Authorize' }).click(),
  ]);
}

describe('GitHub and GitLab sign-in buttons on the sign-in page', () => {
  let browser: Browser;
  let ldapIdentity: Identity;

  beforeAll(async () => {
    await waitForCatalogEntity({ kind: 'user', name: ALICE.uid });
    browser = await launchChromium();
    // alice through the LDAP form: the identity both SCM sign-ins must land on.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(APP_URL);
    await page.getByLabel('Username').fill(ALICE.uid);
    await page.getByLabel('Password').fill(ALICE.password);
    await page.getByLabel('Password').press('Enter');
    await sidebarCatalogLink(page).waitFor();
    ldapIdentity = await identityOf(context, 'ldap');
    await context.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('offers LDAP, GitHub, GitLab and Guest side by side', async () => {
    const page = await browser.newPage();
    await page.goto(APP_URL);
    await page.getByLabel('Username').waitFor();
    await page.getByRole('button', { name: 'Sign in with GitHub' }).waitFor();
    await page.getByRole('button', { name: 'Sign in with GitLab' }).waitFor();
    await page.getByRole('button', { name: 'Enter' }).waitFor();
    // In the configured order: LDAP form, GitHub, GitLab, Guest.
    expect(await page.getByRole('button').allInnerTexts()).toEqual([
      'SIGN IN',
      'SIGN IN WITH GITHUB',
      'SIGN IN WITH GITLAB',
      'ENTER',
    ]);
    await screenshot(page, 'scm-sign-in-page.png');
    await page.close();
  });

  it.each(PROVIDERS)(
    'signs alice in with $title as the same catalog user and groups as with LDAP',
    async provider => {
      expect(ldapIdentity.userEntityRef).toBe(`user:default/${ALICE.uid}`);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(APP_URL);
      await signInThroughPopup(
        page,
        provider.title,
        provider.alice,
        `${provider.id}-consent.png`,
      );
      await sidebarCatalogLink(page).waitFor();

      const identity = await identityOf(context, provider.id);
      expect(identity.userEntityRef).toBe(ldapIdentity.userEntityRef);
      expect([...identity.ownershipEntityRefs].sort()).toEqual(
        [...ldapIdentity.ownershipEntityRefs].sort(),
      );
      expect(identity.ownershipEntityRefs).toEqual(
        expect.arrayContaining(
          ALICE.teams.map(team => `group:default/${team}`),
        ),
      );

      // The settings page shows the same person and teams.
      await page.goto(`${APP_URL}/settings`);
      await page.getByText(ALICE.displayName).first().waitFor();
      await page
        .locator(`a[href$="/catalog/default/user/${ALICE.uid}"]`)
        .first()
        .waitFor();
      for (const team of ALICE.teams) {
        await page
          .locator(`a[href$="/catalog/default/group/${team}"]`)
          .first()
          .waitFor();
      }
      await screenshot(page, `${provider.id}-settings.png`);

      // A reload keeps the session without a popup.
      await page.reload();
      await sidebarCatalogLink(page).waitFor();
      expect(await page.getByLabel('Password').count()).toBe(0);
      await context.close();
    },
  );

  it.each(PROVIDERS)(
    'tells an account with no portal user ($outsider) so, and stays on the sign-in page',
    async provider => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(APP_URL);
      await signInThroughPopup(
        page,
        provider.title,
        provider.outsider,
        `${provider.id}-outsider-consent.png`,
      );
      await page
        .getByRole('alert')
        .getByText(
          `No portal user matches this ${provider.title} account. Ask your portal admin to add you to the organisation.`,
        )
        .waitFor();
      expect(await sidebarCatalogLink(page).count()).toBe(0);
      await screenshot(page, `${provider.id}-no-match.png`);
      await context.close();
    },
  );
});
