// Browser tests of the chat features added on top of the basics (follow-ups, rich Markdown and
// maths, images for vision models, ...), each in its own signed-in page against the stand-in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.js';
import { startStandIn } from './stand-in-backend.js';
import { eventually, pageFor, signUp } from './support.js';

let backend;
let browser;
let session;
const pageErrors = [];

async function openPage(viewport) {
  const page = await pageFor(browser, backend, session, viewport);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

async function ask(page, text) {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 15000 });
}

before(async () => {
  backend = await startStandIn({ staticDir: new URL('../dist', import.meta.url).pathname });
  session = await signUp(backend, 'Ada Admin', 'ada@example.com');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.close();
});

describe('follow-up suggestions', () => {
  test('repeated suggestions are shown once, survive a reload, and a click sends one', async () => {
    const page = await openPage();
    await ask(page, 'suggest follow-ups please');
    const group = page.getByRole('group', { name: 'Follow-up suggestions' });
    await group.getByRole('button', { name: 'Show an example' }).waitFor();
    assert.deepEqual(await group.getByRole('button').allInnerTexts(), ['Tell me more', 'Show an example']);
    const id = new URL(page.url()).pathname.split('/').pop();
    const answer = () => Object.values(backend.state.chats.get(id).chat.history.messages).find((m) => m.role === 'assistant');
    await eventually(() => answer().followUps?.length === 3, 'the follow-ups (with the repeat) to be stored');

    await page.reload();
    await page.getByRole('heading', { name: 'Suggest follow-ups please' }).waitFor();
    await group.getByRole('button', { name: 'Tell me more' }).waitFor();
    assert.deepEqual(await group.getByRole('button').allInnerTexts(), ['Tell me more', 'Show an example']);

    await group.getByRole('button', { name: 'Tell me more' }).click();
    await page.getByTestId('user-message').nth(1).getByText('Tell me more').waitFor();
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
});
