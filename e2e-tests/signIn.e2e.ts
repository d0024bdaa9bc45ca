import fs from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { APP_URL, PORTAL_LOG, RESULTS_DIR } from './support/portal';

describe('the portal started with the demo profile', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the sign-in page with the LDAP form and guest side by side', async () => {
    const page = await browser.newPage();
    await page.goto(APP_URL);

    await page.getByText('Identity & Access Portal').first().waitFor();
    await page.getByLabel('Username').waitFor();
    await page.getByLabel('Password').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.getByText('Guest').first().waitFor();
    await page.getByRole('button', { name: 'Enter' }).waitFor();

    const screenshot = path.join(RESULTS_DIR, 'sign-in-page.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(fs.statSync(screenshot).size).toBeGreaterThan(1000);
  });

  it('signs in as guest and shows the catalog and the demo organisation', async () => {
    const page = await browser.newPage();
    await page.goto(APP_URL);
    await page.getByRole('button', { name: 'Enter' }).click();

    await page
      .getByTestId('sidebar-root')
      .getByRole('link', { name: 'Catalog', exact: true })
      .waitFor();
    await page.getByText('portal-backend').waitFor();
    // A reload keeps the guest session (restored through /api/auth/guest/refresh).
    await page.reload();
    await page
      .getByTestId('sidebar-root')
      .getByRole('link', { name: 'Catalog', exact: true })
      .waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    await page.screenshot({
      path: path.join(RESULTS_DIR, 'catalog.png'),
      fullPage: true,
    });

    // The org page of a nested team lists its members, non-ASCII names included.
    await page.goto(`${APP_URL}/catalog/default/group/sre`);
    await page.getByText('Łukasz Nowak').first().waitFor();
    await page.screenshot({
      path: path.join(RESULTS_DIR, 'group-sre.png'),
      fullPage: true,
    });
  });

  it('started the backend without errors or warnings', () => {
    const log = fs.readFileSync(PORTAL_LOG, 'utf8');
    const problems = log
      .split('\n')
      .filter(line => /\b(warn|error)\b/i.test(line));
    expect(problems).toEqual([]);
  });
});
