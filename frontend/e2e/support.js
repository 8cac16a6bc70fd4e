// Shared pieces of the browser tests: users made through the API, pages signed in with their
// token, and waiting for a condition that is reached asynchronously (never assert before it).
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser } from './browser.js';
import { startStandIn } from './stand-in-backend.js';

/** Creates a user through the stand-in's sign-up endpoint (the first one becomes admin). */
export async function signUp(backend, name, email, password = 'pass-1234') {
  const res = await fetch(`${backend.url}/api/v1/auths/signup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, email, password }) });
  assert.equal(res.status, 200);
  return res.json();
}

/** A fresh browser context signed in as `session`, on the new-chat screen. */
export async function pageFor(browser, backend, session, viewport = { width: 1280, height: 820 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((t) => localStorage.setItem('token', t), session.token);
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  await page.goto(`${backend.url}/`);
  await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
  return page;
}

/** Opens Settings from the user menu on the `tab` tab; returns the dialog. */
export async function openSettingsTab(page, tab, userName = 'Ada Admin') {
  await page.getByRole('button', { name: userName }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('tab', { name: tab }).click();
  return dialog;
}

/** Reloads `page` with these `features` set in the /api/config it receives. */
export async function reloadWithFeatures(page, features) {
  await page.route('**/api/config', async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, features: { ...config.features, ...features } } });
  });
  await page.reload();
}

/** Polls until `check` holds (requests and saves happen after the click that starts them). */
export async function eventually(check, what, timeout = 10000) {
  const start = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - start > timeout) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends `text` from the message box and waits for the answer to finish; returns the completion request. */
export async function askAndWait(backend, page, text) {
  const before = backend.state.completions.length;
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
  await eventually(() => backend.state.completions.length > before, 'the completion request');
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 15000 });
  return backend.state.completions.at(-1);
}

/**
 * What the message box holds: the plain box's value, or the text the rich-text box shows (its
 * paragraphs apart by a blank line, as its Markdown has them).
 */
export function messageText(page) {
  return page.getByLabel('Message', { exact: true }).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : el.innerText.replace(/\u200b/g, '').replace(/\n+$/, '')));
}

/** Waits until the backend has received `call` (e.g. "GET /api/v1/chats/search?text=x&page=1"). */
export function waitForCall(backend, call, from = 0) {
  return eventually(() => backend.state.calls.slice(from).includes(call), call);
}

/**
 * A stand-in backend serving dist/, its first (admin) user and a browser, for the tests of one file;
 * the returned object is filled in before the tests run.
 */
export function standInSuite(name = 'Ada Admin', email = 'ada@example.com') {
  const suite = { backend: null, browser: null, session: null };
  before(async () => {
    suite.backend = await startStandIn({ staticDir: new URL('../dist', import.meta.url).pathname });
    suite.session = await signUp(suite.backend, name, email);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.backend?.close();
  });
  return suite;
}

/** A signed-in page whose /api/config names server speech engines (the stand-in's has none): TTS voice "nova". */
export async function speechPage(suite) {
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  await page.context().grantPermissions(['microphone']);
  await page.route('**/api/config', async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, audio: { tts: { engine: 'openai', voice: 'nova', split_on: 'punctuation' }, stt: { engine: 'openai' } } } });
  });
  await page.reload();
  await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
  return page;
}
