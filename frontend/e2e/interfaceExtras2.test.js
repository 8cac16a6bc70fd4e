// Browser tests of three stock interface options: the floating quick actions over a selection in an
// answer, prompt autocompletion in the message box (plain and rich text), and the stylized PDF export.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { askAndWait, eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();
const me = () => suite.backend.state.users.find((u) => u.id === suite.session.id);

async function openPage(ui = {}) {
  me().settings = { ui: { richTextInput: false, ...ui } };
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  await page.getByLabel('Message', { exact: true }).waitFor();
  return page;
}

/** Selects the first paragraph of the last answer, as a reader dragging over it would. */
async function selectInAnswer(page) {
  const paragraph = page.getByTestId('assistant-message').last().locator('.answer-area p').first();
  await paragraph.selectText();
  return (await paragraph.innerText()).trim();
}

describe('floating quick actions', () => {
  test('Explain sends the quoted selection with the chat and shows the streamed answer beside it', async () => {
    const page = await openPage();
    await askAndWait(suite.backend, page, 'hello there');
    const selected = await selectInAnswer(page);
    const bar = page.getByRole('toolbar', { name: 'Floating Quick Actions' });
    await bar.waitFor();
    const before = suite.backend.state.sseCompletions?.length ?? 0;
    await bar.getByRole('button', { name: 'Explain' }).click();
    const card = page.getByRole('dialog', { name: 'Quick answer' });
    await card.locator('.reply[aria-busy="false"]').waitFor({ timeout: 10000 });
    const body = suite.backend.state.sseCompletions.at(-1);
    assert.equal(suite.backend.state.sseCompletions.length, before + 1);
    assert.equal(body.stream, true);
    assert.deepEqual(body.messages.map((m) => m.role), ['user', 'assistant', 'user']);
    assert.equal(body.messages[0].content, 'hello there');
    assert.equal(body.messages.at(-1).content, `> ${selected}\n\n\nExplain`);
    assert.match(await card.innerText(), /Enhanced/, 'the streamed answer is shown in the card');
    assert.equal(await page.getByTestId('assistant-message').count(), 1, 'nothing is added to the chat');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.close();
  });

  test('Ask takes a question first and sends it under the selection', async () => {
    const page = await openPage();
    await askAndWait(suite.backend, page, 'tell me more');
    const selected = await selectInAnswer(page);
    await page.getByRole('toolbar', { name: 'Floating Quick Actions' }).getByRole('button', { name: 'Ask' }).click();
    const question = page.getByRole('textbox', { name: 'Ask a question' });
    await question.fill('why so short?');
    await question.press('Enter');
    await page.getByRole('dialog', { name: 'Quick answer' }).locator('.reply[aria-busy="false"]').waitFor({ timeout: 10000 });
    assert.equal(suite.backend.state.sseCompletions.at(-1).messages.at(-1).content, `> ${selected}\n\n\nwhy so short?`);
    await page.close();
  });

  test('turned off, a selection shows no buttons', async () => {
    const page = await openPage({ showFloatingActionButtons: false });
    await askAndWait(suite.backend, page, 'plain answer');
    await selectInAnswer(page);
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole('toolbar', { name: 'Floating Quick Actions' }).count(), 0);
    await page.close();
  });
});
