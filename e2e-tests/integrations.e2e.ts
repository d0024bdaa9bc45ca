import { Browser, Page } from 'playwright-core';
import { loadDemoOrg } from '@internal/demo-org';
import {
  DEMO_GITHUB_TOKEN,
  DEMO_GITLAB_TOKEN,
  githubFixtureFromDemoOrg,
  gitlabFixtureFromDemoOrg,
} from '@internal/scm-standins';
import { launchChromium } from './support/browser';
import { APP_URL } from './support/portal';
import {
  backend,
  decisionOn,
  screenshot,
  sidebarLink,
  signInWithLdap,
} from './support/session';

/**
 * The Integrations page (packages/app/src/modules/integrations) on the demo portal: the health of the GitHub and
 * GitLab stand-ins' integrations, shown to alice (platform-team, role integration-admin) and refused to bob.
 */
const PERMISSION = 'scm-integrations.health.read';
const GITHUB_HOST = '127.0.0.1:5180';
const GITLAB_HOST = '127.0.0.1:5181';

/** The accounts the demo integration tokens act as, as the stand-ins define them. */
function demoTokenLogins() {
  const org = loadDemoOrg();
  const github = githubFixtureFromDemoOrg(org).tokens.find(
    t => t.token === DEMO_GITHUB_TOKEN,
  );
  const gitlab = gitlabFixtureFromDemoOrg(org).tokens.find(
    t => t.token === DEMO_GITLAB_TOKEN,
  );
  if (!github || !gitlab) throw new Error('the stand-ins lost a demo token');
  return { github: github.login, gitlab: gitlab.username };
}

function hostCard(page: Page, type: string, host: string) {
  return page.getByRole('region', { name: `${type} ${host}` });
}

/** Waits until the host's card shows a credential with status OK that acts as `login`. */
async function expectWorkingCredential(
  page: Page,
  type: string,
  host: string,
  login: string,
) {
  const credential = hostCard(page, type, host)
    .getByRole('group')
    .filter({ has: page.getByText(login, { exact: true }) });
  await credential.getByText('OK', { exact: true }).waitFor();
}

function checkedAt(page: Page) {
  return page.getByTestId('checked-at').getAttribute('datetime');
}

describe('Integrations: the health of the SCM integrations', () => {
  let browser: Browser;
  const logins = demoTokenLogins();

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('alice opens Integrations from the sidebar, sees both stand-ins working and as whom, and checks again', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    });
    const { page, decisions, token } = await signInWithLdap(context, 'alice');
    expect(await decisionOn(decisions, PERMISSION)).toBe('ALLOW');

    await sidebarLink(page, 'Integrations').click();
    await page.waitForURL(`${APP_URL}/integrations`);
    await page.getByRole('heading', { name: 'Integrations' }).first().waitFor();
    await expectWorkingCredential(page, 'GitHub', GITHUB_HOST, logins.github);
    await expectWorkingCredential(page, 'GitLab', GITLAB_HOST, logins.gitlab);
    await screenshot(page, 'integrations-alice.png');

    const before = await checkedAt(page);
    expect(before).toEqual(expect.any(String));
    const checked = page.waitForResponse(
      response =>
        response.url().endsWith('/api/scm-integrations/health/check') &&
        response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Check now' }).click();
    expect((await checked).status()).toBe(200);
    await page.waitForFunction(
      previous =>
        document
          .querySelector('[data-testid="checked-at"]')
          ?.getAttribute('datetime') !== previous,
      before,
    );
    const after = await checkedAt(page);
    expect(Date.parse(after!)).toBeGreaterThan(Date.parse(before!));
    await expectWorkingCredential(page, 'GitHub', GITHUB_HOST, logins.github);
    await screenshot(page, 'integrations-alice-checked.png');

    // The API she reads carries no secret.
    const report = await backend(token, '/scm-integrations/health');
    expect(report.status).toBe(200);
    const text = JSON.stringify(report.body);
    expect(text).not.toContain(DEMO_GITHUB_TOKEN);
    expect(text).not.toContain(DEMO_GITLAB_TOKEN);
    await context.close();
  });

  it('bob sees no Integrations item, a permission message at /integrations, and the API refuses him with 403', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    });
    const { page, decisions, token } = await signInWithLdap(context, 'bob');
    expect(await decisionOn(decisions, PERMISSION)).toBe('DENY');
    // The decision has arrived: the sidebar shows no item.
    expect(await sidebarLink(page, 'Integrations').count()).toBe(0);

    await page.goto(`${APP_URL}/integrations`);
    await page
      .getByText('You may not see the health of the integrations')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Check now' }).count()).toBe(
      0,
    );
    await screenshot(page, 'integrations-bob.png');

    expect((await backend(token, '/scm-integrations/health')).status).toBe(403);
    expect(
      (
        await backend(token, '/scm-integrations/health/check', {
          method: 'POST',
        })
      ).status,
    ).toBe(403);
    await context.close();
  });
});
