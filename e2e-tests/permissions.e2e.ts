import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { APP_URL, BACKEND_URL } from './support/portal';
import {
  backend,
  decisionOn,
  screenshot,
  sidebarLink,
  signInWithLdap,
} from './support/session';

/**
 * The permission demo (group policy, README "The demo organisation"): alice (platform-team) may register
 * components, bob (web) may not. The catalog-info.yaml files come from a small server on this port, which
 * `backend.reading.allow` in app-config.local.yaml lets the catalog read.
 */
const ENTITY_SERVER_PORT = 7171;
const ENTITY_SERVER = `http://127.0.0.1:${ENTITY_SERVER_PORT}`;
const REGISTER_BUTTON = 'Register existing component';

/**
 * The header button. Exact (case-sensitive) on purpose: the sidebar also lists the catalog-import plugin's page
 * under that plugin's own title, "Register Existing Component".
 */
function registerButton(page: Page) {
  return page.getByRole('link', { name: REGISTER_BUTTON, exact: true });
}

/** The catalog-import page's sidebar item, shown only to those who may register. */
function registerSidebarItem(page: Page) {
  return page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: /Register Existing Component/i });
}

/** A Backstage token of the demo's guest (a viewer in the demo policy). */
async function guestToken(): Promise<string> {
  const response = await fetch(
    `${BACKEND_URL}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  return (await response.json()).backstageIdentity.token;
}

/** Waits until the org sync (2 s after start-up) has put these users into the catalog; sign-in needs them. */
async function usersSynced(names: string[]) {
  const token = await guestToken();
  const deadline = Date.now() + 90_000;
  for (const name of names) {
    for (;;) {
      const answer = await backend(
        token,
        `/catalog/entities/by-name/user/default/${name}`,
      );
      if (answer.status === 200) break;
      if (Date.now() > deadline) {
        throw new Error(`user ${name} never appeared in the catalog`);
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
}

function componentYaml(name: string, owner: string) {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    '  description: Registered in the permission end-to-end test',
    'spec:',
    '  type: service',
    '  lifecycle: experimental',
    `  owner: ${owner}`,
    '',
  ].join('\n');
}

/** Serves one catalog-info.yaml per path on the loopback interface. */
async function startEntityServer(files: Record<string, string>) {
  const server = http.createServer((request, response) => {
    const body = files[request.url ?? ''];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/yaml' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ENTITY_SERVER_PORT, '127.0.0.1', resolve);
  });
  expect((server.address() as AddressInfo).port).toBe(ENTITY_SERVER_PORT);
  return server;
}

/** Polls until the catalog has processed the entity (processing follows registration asynchronously). */
async function eventuallyInCatalog(token: string, name: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await backend(
      token,
      `/catalog/entities/by-name/component/default/${name}`,
    );
    if (answer.status === 200 || Date.now() > deadline) return answer;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/** Asks "May I …?" on the My access page and returns the decision element. */
async function askMayI(page: Page, permission: string) {
  const input = page.getByRole('textbox', { name: /^Permission/ });
  await input.fill(permission);
  await input.press('Escape'); // close the suggestions
  await page.getByRole('button', { name: 'Ask' }).click();
  const decision = page.getByTestId('decision');
  await decision.waitFor();
  return decision;
}

describe('group policy: who may register components', () => {
  let browser: Browser;
  let entityServer: http.Server;

  beforeAll(async () => {
    entityServer = await startEntityServer({
      '/alice/catalog-info.yaml': componentYaml(
        'alice-registered-service',
        'group:default/platform-team',
      ),
      '/bob/catalog-info.yaml': componentYaml(
        'bob-registered-service',
        'group:default/web',
      ),
    });
    browser = await launchChromium();
    await usersSynced(['alice', 'bob']);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise(resolve => entityServer?.close(resolve));
  });

  it('alice sees "Register existing component" and registers a component that then appears in the catalog', async () => {
    const context = await browser.newContext();
    const { page, decisions, token } = await signInWithLdap(context, 'alice');
    await sidebarLink(page, 'Catalog').click();

    expect(await decisionOn(decisions, 'catalog.entity.create')).toBe('ALLOW');
    const button = registerButton(page);
    await button.waitFor();
    await registerSidebarItem(page).waitFor();
    await screenshot(page, 'permissions-alice-catalog.png');
    await button.click();
    await page.waitForURL(`${APP_URL}/catalog-import`);

    await page
      .getByLabel('URL')
      .fill(`${ENTITY_SERVER}/alice/catalog-info.yaml`);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page
      .getByText('The following entities will be added to the catalog:')
      .waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    await page
      .getByText('The following entities have been added to the catalog:')
      .waitFor();
    await screenshot(page, 'permissions-alice-imported.png');

    const entity = await eventuallyInCatalog(token, 'alice-registered-service');
    expect(entity.status).toBe(200);
    expect(entity.body.spec.owner).toBe('group:default/platform-team');

    await page.goto(
      `${APP_URL}/catalog/default/component/alice-registered-service`,
    );
    await page
      .getByText('Registered in the permission end-to-end test')
      .first()
      .waitFor();
    await context.close();
  }, 120_000);

  it('bob does not see the button, and the catalog refuses his registration with 403', async () => {
    const context = await browser.newContext();
    const { page, decisions, token } = await signInWithLdap(context, 'bob');
    await sidebarLink(page, 'Catalog').click();

    expect(await decisionOn(decisions, 'catalog.entity.create')).toBe('DENY');
    // The decision has arrived and the page is up: the header shows no button.
    await page
      .getByRole('heading', { name: /Catalog/ })
      .first()
      .waitFor();
    expect(await registerButton(page).count()).toBe(0);
    expect(await registerSidebarItem(page).count()).toBe(0);
    await screenshot(page, 'permissions-bob-catalog.png');

    const attempt = await backend(token, '/catalog/locations', {
      method: 'POST',
      body: { type: 'url', target: `${ENTITY_SERVER}/bob/catalog-info.yaml` },
    });
    expect(attempt.status).toBe(403);
    expect(
      (
        await backend(
          token,
          '/catalog/entities/by-name/component/default/bob-registered-service',
        )
      ).status,
    ).toBe(404);
    await context.close();
  });

  it('My access shows alice her inherited group path and answers ALLOW for catalog.location.create', async () => {
    const context = await browser.newContext();
    const { page } = await signInWithLdap(context, 'alice');
    await sidebarLink(page, 'My access').click();
    await page.waitForURL(`${APP_URL}/my-access`);

    await page.getByText('user:default/alice').first().waitFor();
    await page
      .getByText('alice → platform-team → engineering', { exact: true })
      .first()
      .waitFor();
    // platform-team's binding gives alice more than one role (registrar, integration-admin).
    await page
      .getByText('via binding to platform-team (alice → platform-team)')
      .first()
      .waitFor();

    const decision = await askMayI(page, 'catalog.location.create');
    await decision.getByText('ALLOW', { exact: true }).waitFor();
    await screenshot(page, 'permissions-alice-my-access.png');
    await context.close();
  });

  it('My access answers bob DENY for catalog.location.create, with the reason', async () => {
    const context = await browser.newContext();
    const { page, token } = await signInWithLdap(context, 'bob');
    const explained = await backend(token, '/permission/group-policy/explain', {
      method: 'POST',
      body: { permission: 'catalog.location.create' },
    });
    expect(explained.status).toBe(200);
    expect(explained.body.result).toBe('DENY');
    expect(explained.body.reason).toEqual(expect.any(String));

    await page.goto(`${APP_URL}/my-access`);
    const decision = await askMayI(page, 'catalog.location.create');
    await decision.getByText('DENY', { exact: true }).waitFor();
    await decision.getByText(explained.body.reason, { exact: true }).waitFor();
    await screenshot(page, 'permissions-bob-my-access.png');
    await context.close();
  });
});
