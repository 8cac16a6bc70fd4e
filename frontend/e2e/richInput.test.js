// Browser tests of the chat's rich-text message box (stock `richTextInput`, on by default) and of the
// interface switches added with it: typed Markdown shown formatted and sent as Markdown, the
// formatting toolbar over a selection, Enter/Shift+Enter, the plain box back when turned off, and the
// visible effect of each new switch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually, messageText, openSettingsTab, pageFor, reloadWithFeatures, standInSuite } from './support.js';

const suite = standInSuite();
const me = () => suite.backend.state.users.find((u) => u.id === suite.session.id);
const ui = () => me().settings?.ui ?? {};
/** Stores interface settings as the settings endpoint would (read by the next page). */
const setUi = (patch) => (me().settings = { ...(me().settings ?? {}), ui: { ...ui(), ...patch } });

async function openPage(patch = {}) {
  me().settings = { ui: { richTextInput: true, ...patch } };
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  await page.locator('div#chat-input[contenteditable="true"]').waitFor();
  return page;
}

const box = (page) => page.getByLabel('Message', { exact: true });

async function sendAndWait(page, key = 'Enter') {
  const before = suite.backend.state.completions.length;
  await page.keyboard.press(key);
  await eventually(() => suite.backend.state.completions.length > before, 'the completion request');
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 15000 });
  return suite.backend.state.completions.at(-1).messages.at(-1).content;
}

const openInterface = (page) => openSettingsTab(page, 'Interface');

test('typed **bold** shows bold while composing and is sent as the Markdown **bold**', async () => {
  const page = await openPage();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'chat-input', 'the box has the focus on load');
  await page.keyboard.type('make it **bold** and *slanted*, `code` too', { delay: 10 });
  assert.equal(await box(page).locator('strong').innerText(), 'bold');
  assert.equal(await box(page).locator('em').innerText(), 'slanted');
  assert.equal(await box(page).locator('code').innerText(), 'code');
  const sent = await sendAndWait(page);
  assert.equal(sent, 'make it **bold** and _slanted_, `code` too');
  assert.equal(await messageText(page), '', 'the box is emptied after sending');
  await page.close();
});

test('a heading, a list and pasted Markdown are formatted and sent as Markdown', async () => {
  const page = await openPage();
  await page.keyboard.type('# Plan', { delay: 10 });
  await box(page).locator('h1', { hasText: 'Plan' }).waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.type('- milk', { delay: 10 });
  await page.keyboard.press('Enter');
  await page.keyboard.type('eggs', { delay: 10 });
  assert.equal(await box(page).locator('li').count(), 2);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'see [the docs](https://example.org/docs) first');
    document.getElementById('chat-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await box(page).getByRole('link', { name: 'the docs' }).waitFor();
  const sent = await sendAndWait(page);
  assert.equal(sent, '# Plan\n\n*   milk\n*   eggs\n\nsee [the docs](https://example.org/docs) first');
  await page.close();
});

test('several lines of Markdown put in at once are formatted and sent in the stock style', async () => {
  const page = await openPage();
  await box(page).fill('Plan:\nA **bold** one\n\n- [x] shipped\n- [ ] tested\n\n```js\nconst a = 1;\n```\n\nDone.');
  assert.equal(await box(page).getByRole('checkbox').count(), 2);
  assert.equal(await sendAndWait(page), 'Plan:  \nA **bold** one\n\n*   [x] shipped\n*   [ ] tested\n\n```js\nconst a = 1;\n```\n\nDone.');
  await page.close();
});

test('Enter sends and Shift+Enter starts a new line in the rich-text box', async () => {
  const page = await openPage();
  await page.keyboard.type('first line', { delay: 5 });
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line', { delay: 5 });
  assert.equal(await box(page).locator('p').count(), 2, 'Shift+Enter made a new line, nothing was sent');
  const sent = await sendAndWait(page);
  assert.equal(sent, 'first line\n\nsecond line');
  // Emptied by select-all and delete, the box still makes lines the same way.
  await box(page).click();
  await page.keyboard.type('scratch', { delay: 5 });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('x', { delay: 5 });
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('y', { delay: 5 });
  assert.equal(await sendAndWait(page), 'x\n\ny');
  await page.close();
});

test('the formatting toolbar shows over a selection and bolds it (showFormattingToolbar)', async () => {
  const page = await openPage({ showFormattingToolbar: true });
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await page.keyboard.type('make this loud', { delay: 5 });
  assert.equal(await toolbar.count(), 0, 'no toolbar without a selection');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  await toolbar.waitFor();
  for (const name of ['Bold', 'Italic', 'Strikethrough', 'Inline code', 'Heading 1', 'Bulleted list', 'Numbered list', 'Quote']) await toolbar.getByRole('button', { name }).waitFor();
  await toolbar.getByRole('button', { name: 'Bold' }).click();
  assert.equal(await box(page).locator('b, strong').innerText(), 'loud');
  await page.keyboard.press('End');
  assert.equal(await sendAndWait(page), 'make this **loud**');
  await page.close();

  const without = await openPage({ showFormattingToolbar: false });
  await without.keyboard.type('make this loud', { delay: 5 });
  for (let i = 0; i < 4; i++) await without.keyboard.press('Shift+ArrowLeft');
  await without.waitForTimeout(200);
  assert.equal(await without.getByRole('toolbar', { name: 'Formatting' }).count(), 0, 'no toolbar when the switch is off');
  await without.close();
});

test('turning rich text off in Settings gives the plain textarea back (richTextInput)', async () => {
  const page = await openPage();
  const dialog = await openInterface(page);
  await dialog.getByRole('switch', { name: 'Show Formatting Toolbar' }).waitFor();
  await dialog.getByRole('switch', { name: 'Rich Text Input for Chat' }).click();
  await eventually(() => ui().richTextInput === false, 'richTextInput saved');
  assert.equal(await dialog.getByRole('switch', { name: 'Show Formatting Toolbar' }).count(), 0, 'the toolbar switch needs rich text');
  await page.keyboard.press('Escape');
  assert.equal(await box(page).evaluate((el) => el.tagName), 'TEXTAREA');
  await box(page).fill('**as typed**');
  assert.equal(await sendAndWait(page), '**as typed**');
  const chunks = [];
  page.on('request', (r) => /\/assets\/ChatRichInput[^/]*\.js$/.test(r.url()) && chunks.push(r.url()));
  await page.reload();
  await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
  assert.equal(await box(page).evaluate((el) => el.tagName), 'TEXTAREA', 'still plain after a reload');
  assert.deepEqual(chunks, [], 'the rich-text editor is not fetched while it is off');
  await page.close();
});

test('a prompt is inserted as plain text, or formatted with insertPromptAsRichText', async () => {
  suite.backend.state.prompts.set('/loud', { command: '/loud', title: 'Loud', content: 'Say it **loud**', user_id: suite.session.id, access_control: null, timestamp: 1 });
  for (const rich of [false, true]) {
    const page = await openPage({ insertPromptAsRichText: rich });
    await page.keyboard.type('/lou', { delay: 10 });
    await page.getByRole('option', { name: /\/loud/ }).waitFor();
    await page.keyboard.press('Enter');
    await eventually(async () => (await messageText(page)).startsWith('Say it'), 'the prompt in the box');
    assert.equal(await messageText(page), rich ? 'Say it loud' : 'Say it **loud**');
    assert.equal(await box(page).locator('strong').count(), rich ? 1 : 0);
    assert.equal(await sendAndWait(page), 'Say it **loud**', 'the same Markdown is sent either way');
    await page.close();
  }
});

test('a long paste becomes a text file with largeTextAsFile', async () => {
  const long = 'line of pasted text. '.repeat(60);
  const paste = (page) =>
    page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.getElementById('chat-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, long);
  const page = await openPage({ largeTextAsFile: true });
  await paste(page);
  await page.getByText(/^Pasted_Text_\d+\.txt$/).waitFor();
  assert.equal(await messageText(page), '', 'the text went into the file, not the box');
  await page.close();

  const off = await openPage();
  await paste(off);
  await eventually(async () => (await messageText(off)).startsWith('line of pasted text.'), 'the text in the box');
  assert.equal(await off.getByText(/^Pasted_Text_/).count(), 0);
  await off.close();
});

test('the finished answer is copied to the clipboard with responseAutoCopy', async () => {
  const page = await openPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.backend.url });
  const dialog = await openInterface(page);
  await dialog.getByRole('switch', { name: 'Auto-Copy Response to Clipboard' }).click();
  await eventually(() => ui().responseAutoCopy === true, 'responseAutoCopy saved');
  await page.keyboard.press('Escape');
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await box(page).click();
  await page.keyboard.type('copy me', { delay: 5 });
  await sendAndWait(page);
  await eventually(async () => (await page.evaluate(() => navigator.clipboard.readText())).startsWith('You said: **copy me**'), 'the answer on the clipboard');
  await page.close();
});

test('a prompt suggestion is sent at once, or only put in the box with insertSuggestionPrompt', async () => {
  const page = await openPage();
  const before = suite.backend.state.completions.length;
  await page.getByRole('button', { name: 'Explain a concept simply' }).click();
  await eventually(() => suite.backend.state.completions.length > before, 'the suggestion sent');
  assert.equal(suite.backend.state.completions.at(-1).messages.at(-1).content, 'Explain recursion simply');
  await page.close();

  const inserting = await openPage({ insertSuggestionPrompt: true });
  const count = suite.backend.state.completions.length;
  await inserting.getByRole('button', { name: 'Explain a concept simply' }).click();
  await eventually(async () => (await messageText(inserting)) === 'Explain recursion simply', 'the suggestion in the box');
  assert.equal(suite.backend.state.completions.length, count, 'nothing sent');
  await inserting.close();
});

test('follow-ups stay on earlier answers with keepFollowUpPrompts', async () => {
  const page = await openPage({ keepFollowUpPrompts: true });
  await page.keyboard.type('suggest follow-ups please', { delay: 5 });
  await sendAndWait(page);
  await page.getByRole('group', { name: 'Follow-up suggestions' }).getByRole('button', { name: 'Show an example' }).waitFor();
  await box(page).click();
  await page.keyboard.type('more follow-ups please', { delay: 5 });
  await sendAndWait(page);
  await eventually(async () => (await page.getByRole('group', { name: 'Follow-up suggestions' }).count()) === 2, 'follow-ups on both answers');
  setUi({ keepFollowUpPrompts: false });
  await page.reload();
  await page.getByRole('group', { name: 'Follow-up suggestions' }).first().waitFor();
  assert.equal(await page.getByRole('group', { name: 'Follow-up suggestions' }).count(), 1, 'only the last answer keeps them when off');
  await page.close();
});

test('a follow-up goes into the box instead of being sent with insertFollowUpPrompt', async () => {
  const page = await openPage({ insertFollowUpPrompt: true });
  await page.keyboard.type('suggest follow-ups please', { delay: 5 });
  await sendAndWait(page);
  const count = suite.backend.state.completions.length;
  await page.getByRole('group', { name: 'Follow-up suggestions' }).getByRole('button', { name: 'Tell me more' }).click();
  await eventually(async () => (await messageText(page)) === 'Tell me more', 'the follow-up in the box');
  assert.equal(suite.backend.state.completions.length, count, 'nothing sent');
  await page.close();
});

test('code blocks arrive collapsed with collapseCodeBlocks', async () => {
  const page = await openPage({ collapseCodeBlocks: true });
  await page.keyboard.type('show code', { delay: 5 });
  await sendAndWait(page);
  const block = page.getByTestId('assistant-message').locator('.code-block').first();
  await block.waitFor();
  assert.equal(await block.locator('.code-body').isVisible(), false);
  await block.getByRole('button', { name: 'Expand' }).click();
  assert.equal(await block.locator('.code-body').isVisible(), true);
  await page.close();
});

test('code interpreter details open by themselves with expandDetails', async () => {
  for (const expand of [false, true]) {
    const page = await openPage({ expandDetails: expand });
    await page.keyboard.type('use the interpreter', { delay: 5 });
    await sendAndWait(page);
    const details = page.getByTestId('code-interpreter').first();
    await details.waitFor();
    assert.equal(await details.evaluate((d) => d.open), expand);
    await page.close();
  }
});

test('the artifact frame gets same-origin and forms only when allowed (iframeSandbox switches)', async () => {
  const page = await openPage();
  const dialog = await openInterface(page);
  await dialog.getByRole('switch', { name: 'iframe Sandbox Allow Same Origin' }).click();
  await dialog.getByRole('switch', { name: 'iframe Sandbox Allow Forms' }).click();
  await eventually(() => ui().iframeSandboxAllowSameOrigin === true && ui().iframeSandboxAllowForms === true, 'both saved');
  await page.keyboard.press('Escape');
  await box(page).click();
  await page.keyboard.type('make an artifact page', { delay: 5 });
  await sendAndWait(page);
  const frame = page.locator('iframe[title="Artifact"]');
  await frame.waitFor();
  assert.equal(await frame.getAttribute('sandbox'), 'allow-scripts allow-forms allow-same-origin');
  await page.close();

  const strict = await openPage();
  await strict.keyboard.type('make an artifact page', { delay: 5 });
  await sendAndWait(strict);
  await strict.locator('iframe[title="Artifact"]').waitFor();
  assert.equal(await strict.locator('iframe[title="Artifact"]').getAttribute('sandbox'), 'allow-scripts');
  await strict.close();
});

test('a new chat starts with web search on when "Web Search in Chat" is Always', async () => {
  me().settings = { ui: { richTextInput: true } };
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  await reloadWithFeatures(page, { enable_web_search: true });
  const toggle = page.getByRole('button', { name: 'Web search' });
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const dialog = await openInterface(page);
  await dialog.getByLabel('Web Search in Chat').selectOption('always');
  await eventually(() => ui().webSearch === 'always', 'webSearch saved');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'New Chat', exact: true }).click();
  await eventually(async () => (await toggle.getAttribute('aria-pressed')) === 'true', 'web search on in the new chat');
  await page.close();
});

test('an attached image is scaled down to the user\'s size with imageCompression', async () => {
  const widthSent = async (patch) => {
    const page = await openPage(patch);
    await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 100;
      canvas.getContext('2d').fillRect(0, 0, 200, 100);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], 'shot.png', { type: 'image/png' }));
      document.getElementById('chat-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByText('shot.png').waitFor();
    await box(page).click();
    await page.keyboard.type('what is this', { delay: 5 });
    const before = suite.backend.state.completions.length;
    await eventually(async () => !(await page.getByRole('button', { name: 'Send message' }).isDisabled()), 'the image to be ready');
    await page.keyboard.press('Enter');
    await eventually(() => suite.backend.state.completions.length > before, 'the completion request');
    const parts = suite.backend.state.completions.at(-1).messages.at(-1).content;
    const url = parts.find((p) => p.type === 'image_url').image_url.url;
    await page.close();
    return Buffer.from(url.split(',')[1], 'base64').readUInt32BE(16); // the PNG's width (IHDR)
  };
  assert.equal(await widthSent({}), 200);
  assert.equal(await widthSent({ imageCompression: true, imageCompressionSize: { width: '50', height: '' } }), 50);
});

test('answers of two models show as tabs with displayMultiModelResponsesInTabs', async () => {
  const page = await openPage({ displayMultiModelResponsesInTabs: true });
  await page.getByRole('button', { name: 'Add model' }).click();
  await page.getByRole('button', { name: 'Select model 2' }).waitFor();
  await box(page).click();
  await page.keyboard.type('compare yourselves', { delay: 5 });
  await sendAndWait(page);
  await eventually(() => page.locator('[data-testid="assistant-message"][aria-busy="true"]').count().then((n) => n === 0), 'both answers done');
  const tabs = page.getByRole('tablist', { name: 'Responses' }).getByRole('tab');
  assert.deepEqual((await tabs.allInnerTexts()).sort(), ['Second Model', 'Stand-in Model']);
  assert.equal(await page.locator('.side-by-side').count(), 0, 'not side by side');
  const panel = page.getByRole('tabpanel');
  for (const name of ['Second Model', 'Stand-in Model']) {
    await page.getByRole('tab', { name }).click();
    await eventually(async () => (await page.getByRole('tab', { name }).getAttribute('aria-selected')) === 'true', `${name} chosen`);
    await panel.getByText(`Answered by ${name}.`).waitFor();
  }
  await page.close();
});

test('streamed text fades in by default and not with chatFadeStreamingText off', async () => {
  for (const fade of [true, false]) {
    const page = await openPage({ chatFadeStreamingText: fade });
    await page.keyboard.type('please be slow', { delay: 5 });
    await page.keyboard.press('Enter');
    const answer = page.locator('[data-testid="assistant-message"][aria-busy="true"]');
    await answer.getByText(/Thinking slowly\. Thinking slowly\./).first().waitFor();
    const faded = await answer.locator('.fade-in').count();
    await page.getByRole('button', { name: 'Stop' }).click();
    await answer.waitFor({ state: 'detached' });
    if (fade) assert.ok(faded > 0, 'new text wrapped to fade in');
    else assert.equal(faded, 0);
    await page.close();
  }
});

test('the # and @ pickers work in the rich-text box', async () => {
  const page = await openPage();
  await page.keyboard.type('read **this** #hand', { delay: 10 });
  await page.getByRole('listbox', { name: 'Knowledge' }).getByRole('option', { name: /Team Handbook/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('Team Handbook').first().waitFor();
  await eventually(async () => (await messageText(page)).trim() === 'read this', 'the #word taken out of the box');
  await page.keyboard.type('please @sec', { delay: 10 });
  await page.getByRole('listbox', { name: 'Models' }).getByRole('option', { name: /Second Model/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('Talking to Second Model').waitFor();
  await eventually(async () => (await messageText(page)).trim() === 'read this please', 'the @word taken out of the box');
  const before = suite.backend.state.completions.length;
  await page.keyboard.press('Enter');
  await eventually(() => suite.backend.state.completions.length > before, 'the completion request');
  const sent = suite.backend.state.completions.at(-1);
  assert.equal(sent.model, 'stand-in/second');
  assert.equal(sent.messages.at(-1).content, 'read **this** please');
  assert.ok(sent.files.some((f) => f.id === 'kb-1'), 'the knowledge base goes with the message');
  await page.close();
});
