// Browser tests of the user's preferences: language (fetched when chosen), interface switches kept in
// the `ui` settings under the stock UI's keys, and the model parameters sent with completions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();
const ui = () => suite.backend.state.users.find((u) => u.id === suite.session.id).settings?.ui ?? {};

async function openSettings(page, tab) {
  await page.getByRole('button', { name: 'Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  if (tab) await dialog.getByRole('tab', { name: tab }).click();
  return dialog;
}

async function askAndWait(page, text) {
  const before = suite.backend.state.completions.length;
  await page.getByLabel('Message', { exact: true }).fill(text);
  // Ctrl+Enter sends with either Enter setting (the interface test turns Ctrl+Enter on).
  await page.keyboard.press('Control+Enter');
  await eventually(() => suite.backend.state.completions.length > before, 'the completion request');
  return suite.backend.state.completions.at(-1);
}

describe('language', () => {
  test('Simplified Chinese is fetched only when chosen, translates the app and stays after a reload', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const fetched = [];
    page.on('request', (r) => /\/assets\/zh-CN[^/]*\.js$/.test(r.url()) && fetched.push(r.url()));
    const dialog = await openSettings(page);
    assert.equal(fetched.length, 0, 'the translation is not part of the first load');
    await dialog.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('dialog', { name: '设置' }).getByRole('tab', { name: '界面' }).waitFor();
    assert.equal(fetched.length, 1);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '新对话', exact: true }).waitFor();
    await page.getByPlaceholder('今天我能帮您做些什么？').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');

    await page.reload();
    await page.getByRole('button', { name: '新对话', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ada Admin' }).click();
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('dialog', { name: '设置' }).getByLabel('语言').selectOption('en-US');
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('locale')), null);
    await page.close();
  });
});

describe('interface', () => {
  test('switches are saved under the stock ui keys and change the chat: plain messages, wide mode, Ctrl+Enter, no title generation', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const dialog = await openSettings(page, 'Interface');
    for (const name of ['Chat bubble UI', 'Widescreen mode', 'Enter key behavior: Ctrl+Enter to send', 'Title auto-generation']) {
      const box = dialog.getByRole('switch', { name });
      const was = await box.isChecked();
      await box.click();
      await eventually(async () => (await box.isChecked()) === !was, `${name} to switch`);
    }
    await eventually(() => ui().chatBubble === false && ui().widescreenMode === true && ui().ctrlEnterToSend === true && ui().title?.auto === false, 'the switches to be saved');
    await page.keyboard.press('Escape');

    const box = page.getByLabel('Message', { exact: true });
    await box.fill('first line');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second line');
    assert.equal(await box.inputValue(), 'first line\nsecond line', 'Enter adds a line when Ctrl+Enter sends');
    const before = suite.backend.state.completions.length;
    await page.keyboard.press('Control+Enter');
    await eventually(() => suite.backend.state.completions.length > before, 'Ctrl+Enter to send');
    const sent = suite.backend.state.completions.at(-1);
    assert.equal(sent.background_tasks.title_generation, false);
    assert.equal(sent.background_tasks.tags_generation, true);

    await page.getByTestId('user-message').getByText('You', { exact: true }).waitFor();
    assert.equal(await page.locator('.chat').evaluate((el) => el.classList.contains('wide')), true);
    const messages = await page.locator('.messages').evaluate((el) => getComputedStyle(el).maxWidth);
    assert.equal(messages, 'none');
    await page.close();
  });
});

describe('model parameters', () => {
  test('the stock params keys are saved and sent with the next completion', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const dialog = await openSettings(page);
    await dialog.getByRole('button', { name: 'More parameters' }).click();
    await dialog.getByLabel('Top P').fill('0.9');
    await dialog.getByLabel('Top K').fill('40');
    await dialog.getByLabel('Min P').fill('0.05');
    await dialog.getByLabel('Frequency penalty').fill('0.2');
    await dialog.getByLabel('Presence penalty').fill('0.1');
    await dialog.getByLabel('Seed').fill('7');
    await dialog.getByLabel('Context length').fill('8192');
    await dialog.getByLabel('Reasoning effort').fill('low');
    await dialog.getByLabel('Stop sequences').fill('###,END');
    await dialog.getByLabel('Keep alive').fill('10m');
    await dialog.getByLabel('Mirostat tau').fill('4.5');
    await dialog.getByLabel('GPU layers (num_gpu)').fill('0');
    await dialog.getByLabel('Lock the model in memory (use_mlock)').selectOption('true');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved').waitFor();
    const expected = { top_p: 0.9, top_k: 40, min_p: 0.05, frequency_penalty: 0.2, presence_penalty: 0.1, seed: 7, num_ctx: 8192, reasoning_effort: 'low', stop: ['###', 'END'],
      keep_alive: '10m', mirostat_tau: 4.5, num_gpu: 0, use_mlock: true };
    assert.deepEqual(ui().params, expected);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'detached' });
    const sent = await askAndWait(page, 'use my parameters');
    assert.deepEqual(sent.params, expected);
    await page.close();
  });
});
