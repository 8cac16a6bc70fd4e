// Browser tests of the answer's surroundings: where the view scrolls, citations, times and token
// usage, prompt variables, gateway error pages and the shortcuts dialog.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually, messageText, pageFor, standInSuite } from './support.js';

const suite = standInSuite();

async function ask(page, text) {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
  await page.getByTestId('assistant-message').last().locator('[aria-busy="false"], .actions').first().waitFor({ timeout: 15000 });
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 15000 });
}

/** How far below the visible part of the chat the element's bottom is (≤ 0: in view). */
const belowFold = (locator) =>
  locator.evaluate((el) => el.getBoundingClientRect().bottom - el.closest('.scroll').getBoundingClientRect().bottom);

describe('scrolling', () => {
  test('a finished answer shows its action row, and the view is not left below the fold', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session, { width: 1000, height: 640 });
    await ask(page, 'a long answer please');
    const copy = page.getByTestId('assistant-message').last().getByRole('button', { name: 'Copy' });
    await copy.waitFor();
    await eventually(async () => (await belowFold(copy)) <= 0, 'the action row to be scrolled into view');
    await page.close();
  });

  test('a reader who scrolled up gets a scroll-to-bottom button that brings the end back', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session, { width: 1000, height: 640 });
    await ask(page, 'another long answer');
    const button = page.getByRole('button', { name: 'Scroll to bottom' });
    assert.equal(await button.count(), 0);
    await page.locator('.chat .scroll').evaluate((el) => el.scrollTo(0, 0));
    await button.waitFor();
    await button.click();
    const copy = page.getByTestId('assistant-message').last().getByRole('button', { name: 'Copy' });
    await eventually(async () => (await belowFold(copy)) <= 0, 'the end of the chat to be in view');
    await button.waitFor({ state: 'detached' });
    await page.close();
  });
});

describe('message details', () => {
  test('a citation chip opens the source with the cited text', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await ask(page, 'please cite the handbook');
    await page.getByLabel('Sources').getByRole('button', { name: /handbook\.pdf/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Citation' });
    await dialog.getByRole('heading', { name: 'handbook.pdf' }).waitFor();
    await dialog.getByText('Chapter 1').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });

  test('answers show when they were written and the tokens they used, also after a reload', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await ask(page, 'count my tokens');
    const answer = page.getByTestId('assistant-message').last();
    const usage = answer.getByTestId('token-usage');
    await usage.waitFor();
    const expected = 'count my tokens'.length;
    assert.match(await usage.innerText(), /^\d+ tokens$/);
    assert.match(await usage.getAttribute('title'), new RegExp(`Input: ${expected} tokens`));
    const datetime = await answer.locator('time').getAttribute('datetime');
    assert.ok(Math.abs(Date.parse(datetime) - Date.now()) < 120_000, `answer time ${datetime}`);
    const id = new URL(page.url()).pathname.split('/').pop();
    const saved = () => Object.values(suite.backend.state.chats.get(id).chat.history.messages).find((m) => m.role === 'assistant');
    await eventually(() => saved().usage?.total_tokens > 0, 'the usage to be saved with the answer');
    await page.reload();
    await page.getByTestId('token-usage').waitFor();
    await page.getByTestId('user-message').locator('time').waitFor({ state: 'attached' });
    await page.close();
  });

  test('a gateway error page is shown as a sentence, not as HTML', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.route('**/api/chat/completions', (route) =>
      route.fulfill({ status: 502, contentType: 'text/html', body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n' })
    );
    await page.getByLabel('Message', { exact: true }).fill('will this fail?');
    await page.keyboard.press('Enter');
    const alert = page.getByTestId('assistant-message').getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.equal(text, 'The server is not reachable right now (502 Bad Gateway). Please try again in a moment.');
    await page.close();
  });
});

describe('prompt variables', () => {
  test('a prompt fills {{CLIPBOARD}}, the user name and the date', async () => {
    const res = await fetch(`${suite.backend.url}/api/v1/prompts/create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${suite.session.token}` },
      body: JSON.stringify({ command: '/explain', title: 'Explain', content: 'Explain {{CLIPBOARD}} to {{USER_NAME}} on {{CURRENT_DATE}}', access_control: {} })
    });
    assert.equal(res.status, 200);
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.backend.url });
    await page.evaluate(() => navigator.clipboard.writeText('this stack trace'));
    const box = page.getByLabel('Message', { exact: true });
    await box.fill('/expl');
    await page.getByRole('option', { name: /\/explain/ }).waitFor();
    await page.keyboard.press('Enter');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await eventually(async () => (await messageText(page)) === `Explain this stack trace to Ada Admin on ${today}`, 'the prompt with its variables filled in');
    await page.close();
  });
});

describe('keyboard', () => {
  test('Ctrl+/ lists the shortcuts; Escape closes the list', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.keyboard.press('Control+/');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByText('Open new chat').waitFor();
    for (const label of ['Focus chat input', 'Copy last response', 'Toggle sidebar', 'Show shortcuts']) await dialog.getByText(label).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+.');
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await page.close();
  });

  test('Ctrl+Shift+Backspace deletes the open chat after a confirmation', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await ask(page, 'delete me by keyboard');
    const id = new URL(page.url()).pathname.split('/').pop();
    await page.keyboard.press('Control+Shift+Backspace');
    const dialog = page.getByRole('dialog', { name: 'Delete chat?' });
    await dialog.getByText('This will delete').waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await eventually(() => !suite.backend.state.chats.has(id), 'the chat to be deleted');
    await page.waitForURL(`${suite.backend.url}/`);
    await page.close();
  });
});
