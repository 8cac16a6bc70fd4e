// Browser tests of three stock interface options: the floating quick actions over a selection in an
// answer, prompt autocompletion in the message box (plain and rich text), and the stylized PDF export.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { askAndWait, eventually, messageText, pageFor, standInSuite } from './support.js';

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

  test('Add puts the question and its answer in the chat, saved', async () => {
    const page = await openPage();
    await askAndWait(suite.backend, page, 'add to me');
    const id = new URL(page.url()).pathname.split('/').pop();
    const selected = await selectInAnswer(page);
    await page.getByRole('toolbar', { name: 'Floating Quick Actions' }).getByRole('button', { name: 'Explain' }).click();
    const card = page.getByRole('dialog', { name: 'Quick answer' });
    await card.getByRole('button', { name: 'Add' }).click({ timeout: 10000 });
    await card.waitFor({ state: 'detached' });
    await eventually(async () => (await page.getByTestId('assistant-message').count()) === 2, 'the added answer in the chat');
    await eventually(() => {
      const h = suite.backend.state.chats.get(id)?.chat?.history;
      const leaf = h?.messages?.[h.currentId];
      return leaf?.role === 'assistant' && /Enhanced/.test(leaf.content) && h.messages[leaf.parentId]?.content === `> ${selected}\n\n\nExplain`;
    }, 'the chat saved with the added messages');
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

describe('prompt autocompletion', () => {
  const box = (page) => page.getByLabel('Message', { exact: true });
  /** The suggestion shown now ('' if none), read without waiting for it to appear. */
  const ghostOf = (page, rich) =>
    page.evaluate((rich) => {
      if (!rich) return document.querySelector('[data-testid="autocomplete-ghost"] .hint')?.textContent ?? '';
      const block = document.querySelector('#chat-input [data-ghost]');
      return block ? getComputedStyle(block, '::after').content.replace(/^"|"$/g, '') : '';
    }, rich);

  for (const rich of [false, true]) {
    test(`${rich ? 'rich-text' : 'plain'} box: after a pause the continuation shows faint and Tab takes it`, async () => {
      suite.backend.state.taskConfig.ENABLE_AUTOCOMPLETE_GENERATION = true;
      suite.backend.state.autocompleteDelayMs = 0;
      const page = await openPage({ promptAutocomplete: true, richTextInput: rich });
      const before = suite.backend.state.autocompletions.length;
      await box(page).click();
      await page.keyboard.type('say hello', { delay: 20 });
      await eventually(async () => (await ghostOf(page, rich)) === ' world, how are you?', 'the suggestion');
      const body = suite.backend.state.autocompletions.at(-1);
      assert.equal(suite.backend.state.autocompletions.length, before + 1, 'one request after the pause');
      assert.equal(body.prompt, 'say hello');
      assert.equal(body.type, 'search query');
      assert.equal(body.stream, false);
      assert.ok(body.model);
      const asked = suite.backend.state.autocompletions.length;
      await page.keyboard.press('Tab');
      await eventually(async () => (await messageText(page)) === 'say hello world, how are you?', 'the accepted text');
      assert.equal(await ghostOf(page, rich), '', 'the suggestion is gone once taken');
      await page.waitForTimeout(1300);
      assert.equal(suite.backend.state.autocompletions.length, asked, 'taking it asks nothing new');
      await page.close();
    });
  }

  test('typing while an answer is on its way cancels it: only the newest suggestion shows', async () => {
    suite.backend.state.taskConfig.ENABLE_AUTOCOMPLETE_GENERATION = true;
    suite.backend.state.autocompleteDelayMs = 1200;
    const page = await openPage({ promptAutocomplete: true });
    const before = suite.backend.state.autocompletions.length;
    await box(page).click();
    await page.keyboard.type('hello', { delay: 20 });
    await eventually(() => suite.backend.state.autocompletions.length === before + 1, 'the first request');
    await page.keyboard.type(' you', { delay: 20 });
    const seen = new Set();
    await eventually(async () => {
      const g = await ghostOf(page, false);
      if (g) seen.add(g);
      return g === ' and some more';
    }, 'the newest suggestion', 8000);
    assert.deepEqual([...seen], [' and some more'], 'the stale answer never showed');
    assert.equal(suite.backend.state.autocompletions.at(-1).prompt, 'hello you');
    suite.backend.state.autocompleteDelayMs = 0;
    await page.close();
  });

  test('turned off (the default), nothing is asked', async () => {
    suite.backend.state.taskConfig.ENABLE_AUTOCOMPLETE_GENERATION = true;
    const page = await openPage();
    const before = suite.backend.state.autocompletions.length;
    await box(page).click();
    await page.keyboard.type('say hello', { delay: 20 });
    await page.waitForTimeout(1600);
    assert.equal(suite.backend.state.autocompletions.length, before);
    assert.equal(await page.getByTestId('autocomplete-ghost').count(), 0);
    await page.close();
  });
});

describe('stylized PDF export', () => {
  async function exportPdf(ui, prompt = 'print this chat') {
    const page = await openPage(ui);
    const assets = [];
    page.on('request', (r) => assets.push(new URL(r.url()).pathname));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await askAndWait(suite.backend, page, prompt);
    await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Chat menu' }).click();
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.getByRole('menuitem', { name: 'Download PDF', exact: true }).click()]);
    const body = readFileSync(await file.path()).toString('latin1');
    await page.close();
    return { body, assets, errors, name: file.suggestedFilename() };
  }
  const captured = (assets) => assets.some((a) => /\/assets\/html2canvas[\w.-]*\.js$/.test(a));

  test('on by default: the PDF draws the chat as rendered (bubble, words where they sit), with html2canvas loaded for it', async () => {
    const { body, assets, errors, name } = await exportPdf();
    assert.match(name, /\.pdf$/);
    assert.equal(body.slice(0, 5), '%PDF-');
    assert.match(body, /0\.95 0\.95 0\.95 rg/, 'the user bubble is painted in its colour');
    assert.match(body, /\(print\) Tj[\s\S]*\(this\) Tj[\s\S]*\(chat\) Tj/, 'each word placed where the layout put it');
    assert.doesNotMatch(body, /\(print this chat\) Tj/, 'not the text-only layout');
    assert.ok(captured(assets), 'html2canvas is fetched for the export');
    assert.deepEqual(errors, []);
  });

  test('a long chat goes on over several pages, all of it there', async () => {
    const { body } = await exportPdf({}, 'a long answer please');
    const pages = body.match(/\/Type \/Page\n/g)?.length ?? 0;
    assert.ok(pages >= 2, `several pages (got ${pages})`);
    for (const n of [1, 20, 40]) assert.match(body, new RegExp(`\\(${n}\\) Tj`), `paragraph ${n} is in the PDF`);
  });

  test('turned off: the text-only PDF, without loading html2canvas', async () => {
    const { body, assets } = await exportPdf({ stylizedPdfExport: false });
    assert.equal(body.slice(0, 5), '%PDF-');
    assert.match(body, /\(print this chat\) Tj/);
    assert.doesNotMatch(body, /0\.95 0\.95 0\.95 rg/);
    assert.equal(captured(assets), false);
  });
});
