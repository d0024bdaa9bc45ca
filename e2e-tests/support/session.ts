import path from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { loadDemoOrg } from '@internal/demo-org';
import { APP_URL, BACKEND_URL, RESULTS_DIR } from './portal';

const REFRESH_URL = `${BACKEND_URL}/api/auth/ldap/refresh?env=development`;

/** The LDAP uid and password of a demo person (packages/demo-org). */
export function account(id: string) {
  const person = loadDemoOrg().people.find(p => p.id === id);
  if (!person) throw new Error(`${id} is missing from the demo organisation`);
  return { uid: person.ldap.uid, password: person.ldap.password };
}

export function screenshot(page: Page, name: string) {
  return page.screenshot({
    path: path.join(RESULTS_DIR, name),
    fullPage: true,
  });
}

export function sidebarLink(page: Page, name: string) {
  return page
    .getByTestId('sidebar-root')
    .getByRole('link', { name, exact: true });
}

/** Calls the backend with a Backstage token; the body is parsed JSON (undefined when empty). */
export async function backend(
  token: string,
  route: string,
  init: { method?: string; body?: unknown } = {},
) {
  const response = await fetch(`${BACKEND_URL}/api${route}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The signed-in user's Backstage token, from the LDAP session cookie the browser holds. */
export async function tokenOf(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies(REFRESH_URL);
  const response = await fetch(REFRESH_URL, {
    method: 'POST',
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      Cookie: cookies.map(c => `${c.name}=${c.value}`).join('; '),
    },
  });
  if (response.status !== 200) {
    throw new Error(`LDAP session refresh answered ${response.status}`);
  }
  return (await response.json()).backstageIdentity.token;
}

/** The policy's answers as the frontend received them (POST /api/permission/authorize, batched), by name. */
export type Decisions = Map<string, string>;

export function collectDecisions(page: Page): Decisions {
  const decisions: Decisions = new Map();
  page.on('response', async response => {
    if (
      !response.url().startsWith(`${BACKEND_URL}/api/permission/authorize`) ||
      response.request().method() !== 'POST'
    ) {
      return;
    }
    const asked: { id: string; permission: { name: string } }[] = JSON.parse(
      response.request().postData() ?? '{"items":[]}',
    ).items;
    let answered: { id: string; result: string }[];
    try {
      answered = (await response.json()).items;
    } catch {
      return; // the page closed before the body was read
    }
    for (const answer of answered) {
      const question = asked.find(item => item.id === answer.id);
      if (question) decisions.set(question.permission.name, answer.result);
    }
  });
  return decisions;
}

/** Waits until the frontend has received the policy's answer on `permission`. */
export async function decisionOn(decisions: Decisions, permission: string) {
  const deadline = Date.now() + 30_000;
  while (!decisions.has(permission)) {
    if (Date.now() > deadline) {
      throw new Error(`the frontend never asked about ${permission}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return decisions.get(permission);
}

/**
 * Waits until the policy's org graph knows the signed-in user (it reloads for an unknown user at most every
 * 10 s), so that decisions come from the user's roles rather than from "no such user".
 */
async function knownToPolicy(token: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const me = await backend(token, '/permission/group-policy/me');
    if (me.status === 200 && me.body.known) return;
    if (Date.now() > deadline) {
      throw new Error(`the policy never knew the user: ${JSON.stringify(me)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/**
 * Signs a demo person in through the LDAP form, waits for the sidebar and for the policy to know the user,
 * and reloads so that the sidebar's permission decisions are asked again with the user's roles.
 */
export async function signInWithLdap(context: BrowserContext, id: string) {
  const { uid, password } = account(id);
  const page = await context.newPage();
  const decisions = collectDecisions(page);
  await page.goto(APP_URL);
  await page.getByLabel('Username').fill(uid);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await sidebarLink(page, 'Catalog').waitFor({ timeout: 60_000 });
  const token = await tokenOf(context);
  await knownToPolicy(token);
  decisions.clear();
  await page.reload();
  await sidebarLink(page, 'Catalog').waitFor({ timeout: 60_000 });
  return { page, decisions, token };
}
