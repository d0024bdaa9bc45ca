import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDemoOrg } from '@internal/demo-org';
import { launchChromium } from './support/browser';
import { APP_URL, BACKEND_URL, RESULTS_DIR } from './support/portal';

/** A demo account with a non-ASCII password and display name (UTF-8 end to end); see README "The demo organisation". */
const LUKASZ = {
  uid: 'lnowak',
  password: 'demo-łódź-tram',
  displayName: 'Łukasz Nowak',
  email: 'lukasz.nowak@example.com',
  teams: ['sre', 'sre-oncall'],
};

function screenshot(page: Page, name: string) {
  return page.screenshot({
    path: path.join(RESULTS_DIR, name),
    fullPage: true,
  });
}

async function signInWithForm(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  // Submit with Enter, as a keyboard user would.
  await page.getByLabel('Password').press('Enter');
}

function sidebarCatalogLink(page: Page) {
  return page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Catalog', exact: true });
}

const REFRESH_URL = `${BACKEND_URL}/api/auth/ldap/refresh?env=development`;

/** The browser's cookies for the LDAP refresh route, as a Cookie header (the session cookie is httpOnly). */
async function sessionCookieHeader(context: BrowserContext) {
  const cookies = await context.cookies(REFRESH_URL);
  return cookies.map(c => `${c.name}=${c.value}`).join('; ');
}

/** What the backend answers on /refresh to a given Cookie header, outside the browser (a replay). */
async function refreshWith(cookie: string) {
  const response = await fetch(REFRESH_URL, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest', Cookie: cookie },
  });
  return response.status;
}

/** The Backstage identity behind a Cookie header, from /refresh. */
async function identityWith(cookie: string) {
  const response = await fetch(REFRESH_URL, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest', Cookie: cookie },
  });
  const body = await response.json();
  return body.backstageIdentity?.identity as {
    userEntityRef: string;
    ownershipEntityRefs: string[];
  };
}

describe('LDAP sign-in with the form on the sign-in page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('offers the LDAP form next to guest', async () => {
    const page = await browser.newPage();
    await page.goto(APP_URL);
    await page.getByLabel('Username').waitFor();
    await page.getByLabel('Password').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Enter' }).waitFor();
    await screenshot(page, 'ldap-sign-in-page.png');
    await page.close();
  });

  it('signs in, shows the profile and teams, survives a reload, and signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(APP_URL);
    await signInWithForm(page, LUKASZ.uid, LUKASZ.password);
    await sidebarCatalogLink(page).waitFor();

    // Profile and teams: the settings page shows the profile from LDAP and the Backstage identity
    // (the user entity and the ownership refs: the user and their teams).
    await page.goto(`${APP_URL}/settings`);
    await page.getByText(LUKASZ.displayName).first().waitFor();
    await page.getByText(LUKASZ.email).first().waitFor();
    await page
      .locator(`a[href$="/catalog/default/user/${LUKASZ.uid}"]`)
      .first()
      .waitFor();
    for (const team of LUKASZ.teams) {
      await page
        .locator(`a[href$="/catalog/default/group/${team}"]`)
        .first()
        .waitFor();
    }
    await screenshot(page, 'ldap-settings.png');

    // Their user page in the catalog lists the same teams.
    await page.goto(`${APP_URL}/catalog/default/user/${LUKASZ.uid}`);
    await page.getByText(LUKASZ.displayName).first().waitFor();
    for (const team of LUKASZ.teams) {
      await page.getByText(team, { exact: true }).first().waitFor();
    }
    await screenshot(page, 'ldap-user-page.png');

    // A reload keeps the session: no sign-in form, the same person.
    await page.reload();
    await sidebarCatalogLink(page).waitFor();
    await page.getByText(LUKASZ.displayName).first().waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);

    // The browser holds a session cookie that /refresh accepts.
    const cookie = await sessionCookieHeader(context);
    expect(cookie).not.toBe('');
    expect(await refreshWith(cookie)).toBe(200);

    // Sign out from the settings menu: back on the sign-in page, and the session is revoked on the
    // server (replaying the old cookie gets nothing).
    await page.goto(`${APP_URL}/settings`);
    await page.getByRole('button', { name: 'more' }).click();
    await page.getByRole('menuitem', { name: 'Sign Out' }).click();
    await page.getByLabel('Username').waitFor();
    expect(await refreshWith(cookie)).toBe(401);
    await page.reload();
    await page.getByLabel('Username').waitFor();
    await screenshot(page, 'ldap-signed-out.png');
    await context.close();
  });

  it('says so when the password is wrong, and stays on the sign-in page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(APP_URL);
    await signInWithForm(page, 'zhoffmann', 'not-the-password');
    await page
      .getByRole('alert')
      .getByText('Invalid username or password')
      .waitFor();
    // Ready for another try: the password is cleared and focused, the username kept.
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByLabel('Username').inputValue()).toBe('zhoffmann');
    await screenshot(page, 'ldap-wrong-password.png');

    // The right password then works from the same form.
    await page.getByLabel('Password').fill('demo-zoe-kettle');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await sidebarCatalogLink(page).waitFor();
    await context.close();
  });

  it('signs in every active demo account through the form, and refuses the disabled one', async () => {
    const people = loadDemoOrg().people;
    for (const person of people) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(APP_URL);
      await signInWithForm(page, person.ldap.uid, person.ldap.password);
      if (person.disabled) {
        await page
          .getByRole('alert')
          .getByText('Invalid username or password')
          .waitFor();
      } else {
        await sidebarCatalogLink(page).waitFor();
        const identity = await identityWith(await sessionCookieHeader(context));
        expect(identity.userEntityRef).toBe(`user:default/${person.ldap.uid}`);
        expect(identity.ownershipEntityRefs).toEqual(
          expect.arrayContaining(
            person.teams.map(team => `group:default/${team}`),
          ),
        );
      }
      await context.close();
    }
    expect(people.filter(p => p.disabled)).toHaveLength(1);
  }, 180_000);
});
