// Debian's chromium, driven by playwright-core, using the suite through its gateway like a person would.
// Run by BrowserSession.java: node browser.mjs <scenario>, with BASE_URL, ADMIN_NAME, ADMIN_EMAIL,
// ADMIN_PASSWORD, FIRST_MESSAGE, MODEL, MESSAGE, TITLE, USER_* and ARTIFACTS (screenshot folder) in the environment, plus what
// the scenarios of flows.mjs and app.mjs name. Prints one JSON line per finding ({"step", ...}) and exits non-zero with the
// reason when a step fails.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { scenarios as flows } from './flows.mjs';
import { scenarios as app } from './app.mjs';
import { scenarios as ollama } from './ollama.mjs';

const { chromium } = createRequire(import.meta.url)('playwright-core');
const env = (name) => {
  if (!process.env[name]) throw new Error(`${name} is not set`);
  return process.env[name];
};
const BASE = env('BASE_URL');
const ARTIFACTS = env('ARTIFACTS');
const report = (finding) => process.stdout.write(JSON.stringify(finding) + '\n');

// Sends a message and waits until its answer has streamed. The fake upstream bolds the message it
// echoes, so the bold text shows the Markdown was rendered from the stream.
async function sendAndAwaitEcho(page, message) {
  await page.getByLabel('Message', { exact: true }).fill(message);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
  const answer = page.getByTestId('assistant-message').last();
  await answer.locator('strong', { hasText: message }).waitFor({ timeout: 60000 });
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 60000 });
  return answer;
}

async function firstRun(page) {
  await page.goto(BASE + '/');
  await page.waitForURL('**/auth');
  await page.getByRole('heading', { name: 'Get started with Open WebUI' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'first-run.png') });
  await page.getByLabel('Name').fill(env('ADMIN_NAME'));
  await page.getByLabel('Email').fill(env('ADMIN_EMAIL'));
  await page.getByLabel('Password').fill(env('ADMIN_PASSWORD'));
  await page.getByRole('button', { name: 'Create Admin Account' }).click();
  await page.getByRole('heading', { name: `Hello, ${env('ADMIN_NAME').split(' ')[0]}` }).waitFor();
  await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'first-run-done.png') });
  report({ step: 'admin-created', path: new URL(page.url()).pathname, token: await page.evaluate(() => localStorage.getItem('token')) });

  // the first message, with the default settings: no model picked by hand
  const answer = await sendAndAwaitEcho(page, env('FIRST_MESSAGE'));
  await page.screenshot({ path: join(ARTIFACTS, 'first-message.png') });
  report({ step: 'first-answer', chatId: new URL(page.url()).pathname.split('/').pop(), text: await answer.innerText() });
}

async function chat(page) {
  await page.goto(BASE + '/');
  await page.waitForURL('**/auth');
  await page.getByLabel('Email').fill(env('ADMIN_EMAIL'));
  await page.getByLabel('Password').fill(env('ADMIN_PASSWORD'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
  report({ step: 'signed-in' });

  await page.getByRole('button', { name: 'Select a model' }).click();
  await page.getByRole('option', { name: new RegExp(env('MODEL')) }).click();
  const answer = await sendAndAwaitEcho(page, env('MESSAGE'));
  const streamed = await answer.innerText();
  await page.screenshot({ path: join(ARTIFACTS, 'chat-streamed.png') });
  const chatId = new URL(page.url()).pathname.split('/').pop();
  report({ step: 'streamed', chatId, text: streamed });
  // the generated title (chat:title) replaces "New Chat" in the sidebar while the chat stays open
  const sidebarTitle = () => page.getByRole('navigation', { name: 'Chat history' }).locator(`a[href="/c/${chatId}"]`).first().innerText();
  await page.waitForFunction(([id, title]) => document.querySelector(`nav a[href="/c/${id}"]`)?.textContent?.trim() === title,
    [chatId, env('TITLE')], { timeout: 30000 }).catch(() => {});
  report({ step: 'titled', sidebar: (await sidebarTitle()).trim(), header: (await page.locator('h1.title').innerText()).trim() });

  await page.reload();
  const reloaded = page.getByTestId('assistant-message').last();
  await reloaded.locator('strong', { hasText: env('MESSAGE') }).waitFor({ timeout: 30000 });
  await page.screenshot({ path: join(ARTIFACTS, 'chat-reloaded.png') });
  report({ step: 'reloaded', chatId: new URL(page.url()).pathname.split('/').pop(), text: await reloaded.innerText() });
}

// A newcomer signs up and waits; once the test (as the admin) approves, "Check Again" lets her in.
async function pending(page) {
  await page.goto(BASE + '/auth');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByLabel('Name').fill(env('USER_NAME'));
  await page.getByLabel('Email').fill(env('USER_EMAIL'));
  await page.getByLabel('Password').fill(env('USER_PASSWORD'));
  await page.getByRole('button', { name: 'Create Account' }).click();
  await page.getByRole('heading', { name: 'Account Activation Pending' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'pending.png') });
  report({ step: 'pending', token: await page.evaluate(() => localStorage.getItem('token')) });
  // in: the chat screen (a new user sees no model until an admin makes one available, as in Open WebUI)
  const chatScreen = page.getByRole('button', { name: 'New Chat', exact: true });
  const deadline = Date.now() + 60000;
  while (!(await chatScreen.isVisible())) {
    if (Date.now() > deadline) throw new Error('still pending a minute after the approval was asked for');
    const again = page.getByRole('button', { name: 'Check Again' });
    if (await again.isVisible()) await again.click({ timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'approved.png') });
  report({ step: 'approved' });
}

const scenarios = { 'first-run': firstRun, chat, pending, ...flows, ...app, ...ollama };
const scenario = scenarios[process.argv[2]];
if (!scenario) {
  console.error(`unknown scenario ${process.argv[2]}; one of ${Object.keys(scenarios)}`);
  process.exit(2);
}
mkdirSync(ARTIFACTS, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'ops-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 820 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30000);
  page.on('console', (m) => m.type() === 'error' && report({ step: 'console-error', text: m.text() }));
  await scenario(page);
} catch (e) {
  console.error(e?.stack ?? String(e));
  try {
    await context?.pages()[0]?.screenshot({ path: join(ARTIFACTS, `${process.argv[2]}-failure.png`) });
  } catch {
    // the page is gone as well
  }
  process.exitCode = 1;
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
}
