// The admin's everyday flows on the real suite, run by browser.mjs (see there for the environment):
// sidebar rename/pin/delete, a knowledge base asked about in a chat, settings that persist, a tour
// of the main screens with screenshots, sign-out, and a chat with maths, an image and follow-ups. Each scenario signs in on a fresh profile.
import { join } from 'node:path';

export const env = (name) => {
  if (!process.env[name]) throw new Error(`${name} is not set`);
  return process.env[name];
};
const BASE = () => env('BASE_URL');
export const shot = (page, name) => page.screenshot({ path: join(env('ARTIFACTS'), `${name}.png`) });
export const report = (finding) => process.stdout.write(JSON.stringify(finding) + '\n');

// Signed in once `ready` shows: the sidebar's New Chat, or at phone width its Open sidebar button.
export async function signIn(page, ready = 'New Chat') {
  await page.goto(BASE() + '/auth');
  await page.getByLabel('Email').fill(env('ADMIN_EMAIL'));
  await page.getByLabel('Password').fill(env('ADMIN_PASSWORD'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: ready, exact: true }).first().waitFor();
}

export async function userMenu(page, item) {
  await page.locator('nav .user').click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function chatOptions(page, title, action) {
  const history = page.getByRole('navigation', { name: 'Chat history' });
  await history.getByRole('link', { name: title, exact: true }).first().hover();
  await history.getByRole('button', { name: `Chat options for ${title}`, exact: true }).first().click();
  await page.getByRole('menuitem', { name: action }).click();
}

async function awaitAnswer(page) {
  await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
  await page.getByTestId('assistant-message').last().waitFor();
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 60000 });
}

export async function pickModel(page) {
  await page.getByRole('button', { name: 'Select a model' }).click();
  await page.getByRole('option', { name: new RegExp(env('MODEL')) }).click();
}

async function sidebar(page) {
  await signIn(page);
  const history = page.getByRole('navigation', { name: 'Chat history' });
  const [from, to, doomed] = [env('RENAME_FROM'), env('RENAME_TO'), env('DELETE_TITLE')];
  await chatOptions(page, from, 'Rename');
  await page.getByLabel('Chat title').fill(to);
  await page.keyboard.press('Enter');
  await history.getByRole('link', { name: to, exact: true }).waitFor();
  report({ step: 'renamed' });

  await chatOptions(page, to, 'Pin');
  const pinned = history.locator('section', { has: page.getByRole('heading', { name: 'Pinned' }) });
  await pinned.getByRole('link', { name: to, exact: true }).waitFor();
  report({ step: 'pinned' });

  await chatOptions(page, doomed, 'Delete');
  await page.getByRole('dialog', { name: 'Delete chat?' }).getByRole('button', { name: 'Delete' }).click();
  await history.getByRole('link', { name: doomed, exact: true }).waitFor({ state: 'detached' });
  await shot(page, 'sidebar');
  report({ step: 'deleted' });

  await page.reload();
  await pinned.getByRole('link', { name: to, exact: true }).waitFor();
  await history.getByRole('heading', { name: 'Pinned' }).waitFor();
  report({ step: 'reloaded', deletedListed: await history.getByRole('link', { name: doomed, exact: true }).count() });
}

async function knowledge(page) {
  await signIn(page);
  const base = env('KB_NAME');
  await userMenu(page, 'Knowledge');
  await page.getByRole('button', { name: 'New knowledge base' }).click();
  const form = page.getByRole('form', { name: 'New knowledge base' });
  await form.getByLabel('Name').fill(base);
  await form.getByLabel('Description').fill('What the ops team knows');
  await form.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: base }).waitFor();
  await page.getByLabel(`Upload files to ${base}`).setInputFiles([
    { name: env('FILE_NAME'), mimeType: 'text/plain', buffer: Buffer.from(env('FILE_TEXT')) }
  ]);
  // extraction and embedding in file-service, then the file is added to the base
  const file = page.getByRole('list', { name: 'Files' }).locator('li', { hasText: env('FILE_NAME') }).filter({ hasText: /Ready|Failed/ });
  await file.waitFor({ timeout: 120000 });
  if ((await file.innerText()).includes('Failed')) throw new Error(`the upload failed: ${await file.innerText()}`);
  await shot(page, 'workspace-knowledge-base');
  report({ step: 'uploaded' });

  await page.getByRole('button', { name: 'Back to knowledge' }).click();
  await page.getByRole('button', { name: 'Back to chat' }).click();
  await pickModel(page);
  await page.getByRole('button', { name: 'Attach' }).click();
  await page.getByRole('menuitem', { name: base }).click();
  await page.getByLabel('Attachments').getByText(base).waitFor();
  await page.getByLabel('Message', { exact: true }).fill(env('QUESTION'));
  await page.keyboard.press('Enter');
  await awaitAnswer(page);
  const answer = page.getByTestId('assistant-message').last();
  const chips = answer.getByLabel('Sources').locator('.chip');
  await chips.first().waitFor();
  await shot(page, 'chat-sources');
  report({
    step: 'answered',
    chatId: new URL(page.url()).pathname.split('/').pop(),
    sources: (await chips.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()),
    answer: await answer.innerText()
  });
}

async function settings(page) {
  await signIn(page);
  await userMenu(page, 'Settings');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Theme').selectOption('dark');
  await dialog.getByLabel('Default model').selectOption(env('MODEL'));
  await dialog.getByLabel('System prompt').fill(env('SYSTEM_PROMPT'));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Settings saved').waitFor();
  await shot(page, 'settings');
  report({ step: 'saved' });

  await page.reload();
  await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
  await userMenu(page, 'Settings');
  const again = page.getByRole('dialog', { name: 'Settings' });
  await again.getByLabel('System prompt').waitFor();
  report({
    step: 'reloaded',
    dark: await page.evaluate(() => document.documentElement.classList.contains('dark')),
    theme: await again.getByLabel('Theme').inputValue(),
    model: await again.getByLabel('Default model').inputValue(),
    system: await again.getByLabel('System prompt').inputValue()
  });
}

// One screenshot per main screen, each taken once the screen shows what it is about.
async function tour(page) {
  await signIn(page);
  const history = page.getByRole('navigation', { name: 'Chat history' });
  await history.getByRole('link', { name: env('CHAT_TITLE'), exact: true }).first().click();
  await page.getByTestId('assistant-message').last().waitFor();
  await shot(page, 'tour-chat');

  // each screen is shot once the list it shows has arrived
  for (const [path, heading, api, name] of [
    ['/workspace/models', 'Models', '/api/v1/models/', 'tour-workspace-models'],
    ['/workspace/knowledge', 'Knowledge', '/api/v1/knowledge/list', 'tour-workspace-knowledge'],
    ['/workspace/prompts', 'Prompts', '/api/v1/prompts/list', 'tour-workspace-prompts'],
    ['/notes', 'Notes', '/api/v1/notes/', 'tour-notes']
  ]) {
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === api && r.status() === 200);
    await page.goto(BASE() + path);
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await listed;
    await shot(page, name);
  }

  await page.goto(BASE() + '/admin');
  await page.getByRole('heading', { name: 'Admin Panel' }).waitFor();
  await page.getByText(env('ADMIN_EMAIL')).first().waitFor();
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const brokenImages = await page.evaluate(() => [...document.images].filter((i) => i.naturalWidth === 0).map((i) => i.getAttribute('src')));
  await shot(page, 'tour-admin-users');
  await page.getByRole('tab', { name: 'General' }).click();
  await page.getByLabel('Allow new sign-ups').waitFor();
  await shot(page, 'tour-admin-general');
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.getByLabel('Chunk size').waitFor();
  await shot(page, 'tour-admin-documents');

  await page.goto(BASE() + '/');
  await history.getByRole('link', { name: env('CHANNEL'), exact: true }).click();
  await page.getByRole('heading', { name: env('CHANNEL') }).waitFor();
  await page.getByText(env('CHANNEL_MESSAGE')).first().waitFor();
  await shot(page, 'tour-channel');
  report({ step: 'toured', brokenImages });
}

async function signOut(page) {
  await signIn(page);
  const token = await page.evaluate(() => localStorage.getItem('token'));
  const cookie = async () => (await page.context().cookies(BASE())).find((c) => c.name === 'token')?.value ?? null;
  report({ step: 'signed-in', token, cookie: await cookie() });
  await userMenu(page, 'Sign Out');
  await page.waitForURL('**/auth');
  await page.getByRole('heading', { name: 'Sign in to Open WebUI' }).waitFor();
  await shot(page, 'signed-out');
  const after = { token: await page.evaluate(() => localStorage.getItem('token')), cookie: await cookie() };
  // a reload does not bring the session back
  await page.goto(BASE() + '/');
  await page.waitForURL('**/auth**');
  await page.getByRole('heading', { name: 'Sign in to Open WebUI' }).waitFor();
  report({ step: 'signed-out', ...after, path: new URL(page.url()).pathname });
}

// A chat with maths in the question, an attached image and an answer whose follow-up suggestions
// repeat: the maths is rendered, the image goes upstream, and the chat opens again after a reload.
async function richChat(page) {
  await signIn(page);
  await pickModel(page);
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await page.getByLabel('Upload files').setInputFiles([{ name: 'dot.png', mimeType: 'image/png', buffer: png }]);
  await page.getByLabel('Attachments').locator('img.thumb').waitFor();
  await page.getByLabel('Message', { exact: true }).fill(env('MESSAGE'));
  await page.keyboard.press('Enter');
  await awaitAnswer(page);
  const chatId = new URL(page.url()).pathname.split('/').pop();
  const answer = page.getByTestId('assistant-message').last();
  await answer.locator('strong math').waitFor(); // the echoed TeX, rendered by KaTeX
  const followUps = () => page.getByTestId('assistant-message').last().getByRole('group', { name: 'Follow-up suggestions' }).getByRole('button');
  await followUps().first().waitFor({ timeout: 60000 });
  const shown = await followUps().allInnerTexts();
  await shot(page, 'chat-rich');
  await page.waitForLoadState('networkidle'); // the page's last save is done

  await page.reload();
  await page.getByTestId('assistant-message').last().locator('strong math').waitFor();
  await followUps().first().waitFor();
  report({
    step: 'rich',
    chatId,
    followUps: shown,
    reloadedFollowUps: await followUps().allInnerTexts(),
    images: await page.getByTestId('user-message').last().getByRole('img').count()
  });
}

export const scenarios = { sidebar, knowledge, settings, tour, 'sign-out': signOut, 'rich-chat': richChat };
