import fs from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { loadDemoOrg } from '@internal/demo-org';
import {
  DEMO_GITHUB_TOKEN,
  githubFixtureFromDemoOrg,
} from '@internal/scm-standins';
import { launchChromium } from './support/browser';
import { APP_URL, BACKEND_URL, PORTAL_LOG } from './support/portal';
import { screenshot, sidebarLink, signInWithLdap } from './support/session';

/**
 * Acting for the user (plugins/scm-integrations-backend `/hosts` and `/identity`, the "Your SCM accounts"
 * card on My access): alice, signed in with her LDAP password, sees that the portal reaches the GitHub
 * stand-in as its own service identity, connects her GitHub account through the stand-in's consent page,
 * and the portal then acts as her GitHub login there.
 */
const GITHUB_HOST = '127.0.0.1:5180';
const ALICE = loadDemoOrg().people.find(p => p.id === 'alice')!;
const ALICE_GITHUB_LOGIN = ALICE.github!.login;

/** The account the demo's GitHub integration token acts as, as the stand-in defines it. */
function serviceLogin() {
  const token = githubFixtureFromDemoOrg(loadDemoOrg()).tokens.find(
    t => t.token === DEMO_GITHUB_TOKEN,
  );
  if (!token) throw new Error('the GitHub stand-in lost its demo token');
  return token.login;
}

function githubRow(page: Page) {
  return page.getByRole('listitem', { name: `GitHub ${GITHUB_HOST}` });
}

/** Clicks "Connect your GitHub account", picks `account` on the stand-in's consent page and authorizes. */
async function connectThroughPopup(page: Page, account: string) {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    githubRow(page)
      .getByRole('button', { name: 'Connect your GitHub account' })
      .click(),
  ]);
  await popup
    .getByRole('heading', { name: 'Sign in to the GitHub stand-in' })
    .waitFor();
  await popup.locator('select[name="login"]').selectOption(account);
  await Promise.all([
    popup.waitForEvent('close'),
    popup.getByRole('button', { name: 'Authorize' }).click(),
  ]);
}

describe('My access: as whom the portal acts for you on each SCM host', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('alice sees the service identity on the GitHub stand-in, connects her GitHub account, and the portal then acts as her', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
    });
    const { page } = await signInWithLdap(context, 'alice');
    // The user tokens the page sends to the backend, to look for them in the portal's log afterwards.
    const userTokens: string[] = [];
    page.on('request', request => {
      const header = request.headers()['x-scm-authorization'];
      if (request.url().startsWith(`${BACKEND_URL}/api/scm-integrations`)) {
        if (header) userTokens.push(header.replace(/^Bearer /, ''));
      }
    });

    await sidebarLink(page, 'My access').click();
    await page.waitForURL(`${APP_URL}/my-access`);
    const row = githubRow(page);
    await row
      .getByText(
        `The portal acts for you here as: the portal's personal access token (${serviceLogin()})`,
      )
      .waitFor();
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'act-for-user-alice-service.png');

    await connectThroughPopup(page, ALICE_GITHUB_LOGIN);
    await row.getByText(`Acting as you: ${ALICE_GITHUB_LOGIN}`).waitFor();
    // The service identity stays on show next to hers; there is nothing left to connect.
    await row
      .getByText(
        `The portal acts for you here as: the portal's personal access token (${serviceLogin()})`,
      )
      .waitFor();
    expect(
      await row
        .getByRole('button', { name: 'Connect your GitHub account' })
        .count(),
    ).toBe(0);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'act-for-user-alice-connected.png');

    // Her own token went to the portal's backend only, and the backend's log names her but not the token.
    expect(userTokens).toHaveLength(1);
    const log = fs.readFileSync(PORTAL_LOG, 'utf8');
    expect(log).toContain(
      `SCM identity on ${GITHUB_HOST} for user:default/alice: user identity, own token offered → ok: acting for you as ${ALICE_GITHUB_LOGIN}`,
    );
    expect(log).not.toContain(userTokens[0]);
    await context.close();
  });
});
