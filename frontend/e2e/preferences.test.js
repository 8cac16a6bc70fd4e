// Browser tests of the user's preferences: language (fetched when chosen), interface switches kept in
// the `ui` settings under the stock UI's keys, and the model parameters sent with completions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually, messageText, pageFor, standInSuite } from './support.js';

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
    assert.match(await messageText(page), /^first line\n\n?second line$/, 'Enter adds a line when Ctrl+Enter sends');
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

describe('more interface options', () => {
  test('username, chat direction, landing page, tab title, copy formatted and scroll on branch change are saved under the stock keys and applied', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.backend.url });
    const dialog = await openSettings(page, 'Interface');
    const turn = async (name, on) => {
      const box = dialog.getByRole('switch', { name });
      if ((await box.isChecked()) !== on) await box.click();
      await eventually(async () => (await box.isChecked()) === on, `${name} to be ${on}`);
    };
    await turn('Display the username instead of You in the Chat', true);
    await turn('Scroll On Branch Change', false);
    await turn('Copy Formatted Text', true);
    await turn('Title auto-generation', true);
    await dialog.getByLabel('Chat direction').selectOption('RTL');
    await dialog.getByLabel('Landing Page Mode').selectOption('chat');
    await eventually(() => ui().showUsername === true && ui().scrollOnBranchChange === false && ui().copyFormatted === true && ui().chatDirection === 'RTL' && ui().landingPageMode === 'chat', 'the options to be saved');
    await page.keyboard.press('Escape');

    // Landing page "Chat": no greeting; the message box writes right to left.
    assert.equal(await page.getByRole('heading', { name: /^Hello, Ada/ }).count(), 0);
    assert.equal(await page.getByLabel('Message', { exact: true }).getAttribute('dir'), 'rtl');

    await askAndWait(page, 'a long answer please');
    await page.getByText('Paragraph 40 of a long answer.').waitFor();
    assert.equal(await page.locator('.messages').getAttribute('dir'), 'rtl');
    // The previous test turned chat bubbles off: the user's own name stands above the message, not "You".
    await page.getByTestId('user-message').getByText('Ada Admin', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('user-message').getByText('You', { exact: true }).count(), 0);
    await eventually(async () => (await page.title()) === 'A long answer please • Open WebUI', 'the chat title in the tab');

    // Copy formatted: the answer goes to the clipboard rendered, and as text without Markdown marks.
    await askAndWait(page, 'bold words');
    await page.getByText('Answered by Stand-in Model.').last().waitFor();
    await page.getByTestId('assistant-message').last().locator('button.icon-btn[aria-label="Copy"]').click();
    await page.getByTestId('assistant-message').last().getByRole('button', { name: 'Copied' }).waitFor();
    const read = () => page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const text = async (type) => (item?.types.includes(type) ? (await item.getType(type)).text() : '');
      return { types: item?.types ?? [], html: await text('text/html'), plain: await text('text/plain') };
    });
    let clip;
    await eventually(async () => (clip = await read()).types.length > 0, 'the clipboard to be written');
    assert.deepEqual([...clip.types].sort(), ['text/html', 'text/plain'], JSON.stringify(clip));
    assert.match(clip.html, /<strong>bold words<\/strong>/);
    assert.match(clip.plain, /^You said: bold words/);
    assert.doesNotMatch(clip.plain, /\*\*/);

    // A second version of the first question: with scroll on branch change off, switching versions at the top stays there.
    const first = page.getByTestId('user-message').first();
    await first.hover();
    await first.getByRole('button', { name: 'Edit message' }).click();
    await page.getByRole('textbox', { name: 'Edit message' }).fill('another long answer');
    await page.keyboard.press('Enter');
    await page.getByText('Paragraph 40 of a long answer.').waitFor();
    const scroller = page.locator('.chat > .scroll');
    const atTop = async () => (await scroller.evaluate((el) => el.scrollTop)) < 50;
    const atEnd = () => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight < 80);
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await first.getByRole('button', { name: 'Previous version' }).click();
    await page.getByTestId('user-message').first().getByText('a long answer please').waitFor();
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(await atTop(), 'the view stays at the top');

    // Turned on again, the same switch brings the end of the branch into view.
    const again = await openSettings(page, 'Interface');
    await again.getByRole('switch', { name: 'Scroll On Branch Change' }).click();
    await eventually(() => ui().scrollOnBranchChange === true, 'the option to be saved');
    await page.keyboard.press('Escape');
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await page.getByTestId('user-message').first().getByRole('button', { name: 'Next version' }).click();
    await eventually(atEnd, 'the end of the branch to be shown');

    // Without the tab-title option the tab shows only the app's name.
    const last = await openSettings(page, 'Interface');
    await last.getByRole('switch', { name: 'Display chat title in tab' }).click();
    await eventually(async () => (await page.title()) === 'Open WebUI', 'the tab to show the app name');
    await page.close();
  });

  test('haptic feedback vibrates while an answer streams, only when turned on', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.evaluate(() => {
      window.vibrations = 0;
      navigator.vibrate = () => ++window.vibrations > 0;
    });
    const answered = async (text) => {
      await askAndWait(page, text);
      await page.getByTestId('assistant-message').last().getByText('Answered by Stand-in Model.').waitFor();
    };
    await answered('quiet please');
    assert.equal(await page.evaluate(() => window.vibrations), 0, 'off by default');
    const dialog = await openSettings(page, 'Interface');
    await dialog.getByRole('switch', { name: 'Haptic Feedback' }).click();
    await eventually(() => ui().hapticFeedback === true, 'the option to be saved');
    await page.keyboard.press('Escape');
    await answered('buzz please');
    assert.ok((await page.evaluate(() => window.vibrations)) >= 2, 'a vibration per streamed piece');
    await page.close();
  });

  test('temporary chat by default: a new chat starts temporary and is not saved', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const dialog = await openSettings(page, 'Interface');
    await dialog.getByRole('switch', { name: 'Temporary Chat by Default' }).click();
    await eventually(() => ui().temporaryChatByDefault === true, 'the option to be saved');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await eventually(async () => (await page.getByRole('button', { name: 'Temporary chat' }).getAttribute('aria-pressed')) === 'true', 'the new chat to be temporary');
    const chats = suite.backend.state.chats.size;
    const sent = await askAndWait(page, 'off the record');
    assert.equal(sent.chat_id, 'local');
    assert.equal(suite.backend.state.chats.size, chats, 'nothing saved');
    await page.close();
    ui().temporaryChatByDefault = false; // the next tests use saved chats
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

describe('looks', () => {
  test('high contrast mode and the chat background image are saved under the stock keys and applied', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const dialog = await openSettings(page, 'Interface');
    const textFaint = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text-faint').trim());
    const before = await textFaint();
    await dialog.getByRole('switch', { name: 'High Contrast Mode' }).click();
    await eventually(() => ui().highContrastMode === true, 'highContrastMode saved');
    await eventually(async () => (await textFaint()) !== before, 'stronger faint text');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('high-contrast')), true);

    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    await dialog.getByLabel('Chat Background Image').setInputFiles({ name: 'bg.png', mimeType: 'image/png', buffer: png });
    await eventually(() => typeof ui().backgroundImageUrl === 'string', 'backgroundImageUrl saved');
    assert.equal(ui().backgroundImageUrl, `data:image/png;base64,${png.toString('base64')}`);
    await page.keyboard.press('Escape');
    await eventually(async () => (await page.locator('.chat').evaluate((e) => getComputedStyle(e).backgroundImage)).includes('data:image/png'), 'the image behind the chat');

    // after a reload both still apply; Reset and the switch take them away
    await page.reload();
    await page.locator('.chat').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('high-contrast')), true);
    const again = await openSettings(page, 'Interface');
    await again.getByRole('button', { name: 'Reset' }).click();
    await eventually(() => ui().backgroundImageUrl === null, 'the image reset');
    await again.getByRole('switch', { name: 'High Contrast Mode' }).click();
    await eventually(() => ui().highContrastMode === false, 'highContrastMode off');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.chat').evaluate((e) => getComputedStyle(e).backgroundImage), 'none');
    assert.equal(await textFaint(), before);
    await page.context().close();
  });
});
