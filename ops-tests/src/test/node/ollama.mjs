// Ollama through our UI, run by browser.mjs (see there for the environment): the admin connects an
// Ollama server and pulls a model, watching the progress (OLLAMA_URL, PULL_MODEL); a user sets
// Ollama-only parameters in Settings and chats with the model, watching the answer stream in
// (USER_EMAIL, USER_PASSWORD, MODEL, MESSAGE, NUM_THREAD). Each scenario signs in on a fresh profile.
import { join } from 'node:path';

const env = (name) => {
  if (!process.env[name]) throw new Error(`${name} is not set`);
  return process.env[name];
};
const shot = (page, name) => page.screenshot({ path: join(env('ARTIFACTS'), `${name}.png`) });
const report = (finding) => process.stdout.write(JSON.stringify(finding) + '\n');

async function signIn(page, email, password) {
  await page.goto(env('BASE_URL') + '/auth');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
}

// Records every distinct text of the elements `selector` matches while the page changes (the
// progress of a pull, the answer growing), read back with `seen()`.
async function watch(page, selector) {
  await page.evaluate((sel) => {
    window.__seen = [];
    const note = () => document.querySelectorAll(sel).forEach((el) => {
      const text = el.textContent.trim();
      if (text && window.__seen[window.__seen.length - 1] !== text) window.__seen.push(text);
    });
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, selector);
  return () => page.evaluate(() => window.__seen);
}

async function ollamaPull(page) {
  await signIn(page, env('ADMIN_EMAIL'), env('ADMIN_PASSWORD'));
  await page.goto(env('BASE_URL') + '/admin');
  await page.getByRole('tab', { name: 'Connections' }).click();
  await page.getByLabel('Ollama API', { exact: true }).check();
  const url = page.getByLabel('Ollama URL 1');
  if (!(await url.isVisible())) await page.getByRole('button', { name: 'Add Ollama connection' }).click();
  await url.fill(env('OLLAMA_URL'));
  await page.getByRole('button', { name: 'Verify Ollama connection 1' }).click();
  await page.getByText(/Ollama connection verified: version/).waitFor();
  await page.getByRole('button', { name: 'Save Ollama connections' }).click();
  const panel = page.getByRole('region', { name: 'Ollama models' });
  await panel.getByText('No models').waitFor();

  const seen = await watch(page, '[role="status"] span:last-of-type'); // the percentage
  await panel.getByLabel('Model to pull').fill(env('PULL_MODEL'));
  await panel.getByRole('button', { name: 'Pull', exact: true }).click();
  await panel.locator('[role="status"] progress').waitFor();
  await shot(page, 'ollama-pull-progress');
  await page.getByText(`Model ${env('PULL_MODEL')} pulled`).waitFor({ timeout: 30000 });
  await panel.getByText(env('PULL_MODEL')).first().waitFor();
  await shot(page, 'ollama-pulled');
  report({ step: 'pulled', progress: await seen() });
}

async function ollamaChat(page) {
  await signIn(page, env('USER_EMAIL'), env('USER_PASSWORD'));
  // an Ollama-only option in the user's parameters, sent with every message
  await page.locator('nav .user').click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'More parameters' }).click();
  await settings.getByLabel('CPU threads (num_thread)').fill(env('NUM_THREAD'));
  await settings.getByLabel('Memory-map the model (use_mmap)').selectOption('false');
  await settings.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Settings saved').waitFor();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Select a model' }).click();
  await page.getByRole('option', { name: new RegExp(env('MODEL')) }).click();
  await page.getByLabel('Message', { exact: true }).fill(env('MESSAGE'));
  const seen = await watch(page, '[data-testid="assistant-message"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
  const answer = page.getByTestId('assistant-message').last();
  await answer.waitFor();
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 60000 });
  await shot(page, 'ollama-chat');
  report({ step: 'answered', chatId: new URL(page.url()).pathname.split('/').pop(), text: (await answer.innerText()).trim(), partial: await seen() });
}

export const scenarios = { 'ollama-pull': ollamaPull, 'ollama-chat': ollamaChat };
