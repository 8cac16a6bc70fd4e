// Browser tests of the chat controls panel (this chat's system prompt and parameters, kept in the
// chat's `params` and sent with its next completion), screen capture as an image attachment, and
// notifications for answers that finish while the app is out of view.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { askAndWait, eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();
const ui = () => suite.backend.state.users.find((u) => u.id === suite.session.id).settings?.ui ?? {};

const ask = (page, text) => askAndWait(suite.backend, page, text);

test("the chat controls' system prompt and parameters go with this chat's completions and are kept after a reload", async () => {
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  const panelChunks = [];
  page.on('request', (r) => /ChatControls[^/]*\.js$/.test(r.url()) && panelChunks.push(r.url()));
  await ask(page, 'First question');
  assert.equal(panelChunks.length, 0, 'the panel is not fetched before it is opened');
  const chatId = new URL(page.url()).pathname.split('/').pop();

  await page.getByRole('button', { name: 'Chat controls' }).click();
  const panel = page.getByRole('complementary', { name: 'Chat controls' });
  await panel.getByLabel('System prompt').fill('Answer like a pirate');
  await panel.getByLabel('Temperature').fill('0.25');
  await panel.getByLabel('Stop sequences').fill('ARR, END');
  await panel.getByLabel('Stop sequences').press('Tab');
  await eventually(() => suite.backend.state.chats.get(chatId)?.chat.params?.temperature === 0.25, 'the params saved with the chat');
  assert.equal(panelChunks.length, 1);
  assert.deepEqual(suite.backend.state.chats.get(chatId).chat.params, { system: 'Answer like a pirate', temperature: 0.25, stop: 'ARR, END' });

  const body = await ask(page, 'Second question');
  assert.deepEqual(body.messages[0], { role: 'system', content: 'Answer like a pirate' });
  assert.equal(body.params.temperature, 0.25);
  assert.deepEqual(body.params.stop, ['ARR', 'END']);

  await page.reload();
  await page.getByText('Second question').first().waitFor();
  await page.getByRole('button', { name: 'Chat controls' }).click();
  assert.equal(await panel.getByLabel('System prompt').inputValue(), 'Answer like a pirate');
  assert.equal(await panel.getByLabel('Temperature').inputValue(), '0.25');
  await panel.getByLabel('Temperature').fill('abc');
  await panel.getByLabel('Temperature').press('Tab');
  await page.getByText('Temperature must be a number').waitFor();
  assert.equal(suite.backend.state.chats.get(chatId).chat.params.temperature, 0.25, 'an invalid value is not saved');

  // a new chat starts without them
  await page.getByRole('button', { name: 'New Chat', exact: true }).click();
  assert.equal(await panel.getByLabel('System prompt').inputValue(), '');
  const fresh = await ask(page, 'Third question');
  assert.notEqual(fresh.messages[0].role, 'system');
  assert.equal(fresh.params.temperature, undefined);
  await page.context().close();
});

test("the chat controls list the chat's files, which go with later questions until removed there", async () => {
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  await page.getByLabel('Upload files').setInputFiles([{ name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from('the plan') }]);
  await page.waitForFunction(() => !document.querySelector('[aria-label="Attachments"]')?.textContent?.match(/Processing|%/));
  const first = await ask(page, 'Read the plan');
  assert.deepEqual(first.files.map((f) => f.name), ['plan.txt']);
  const chatId = new URL(page.url()).pathname.split('/').pop();
  await eventually(() => suite.backend.state.chats.get(chatId)?.chat.files?.length === 1, "the chat's files saved");

  // a later question without attachments still sends it, as stock does
  const second = await ask(page, 'And again');
  assert.deepEqual(second.files?.map((f) => f.name), ['plan.txt']);

  await page.getByRole('button', { name: 'Chat controls' }).click();
  const list = page.getByRole('complementary', { name: 'Chat controls' }).getByRole('list', { name: 'Files in this chat' });
  await list.getByText('plan.txt').waitFor();
  assert.equal(await list.getByRole('listitem').count(), 1);
  // after a reload the list comes from the saved chat
  await page.reload();
  await page.getByText('And again').first().waitFor();
  await page.getByRole('button', { name: 'Chat controls' }).click();
  await list.getByRole('button', { name: 'Remove plan.txt' }).click();
  await list.waitFor({ state: 'detached' });
  await eventually(() => suite.backend.state.chats.get(chatId)?.chat.files?.length === 0, 'the removal saved');
  const third = await ask(page, 'Without the plan');
  assert.equal(third.files, undefined);
  await page.context().close();
});

test('a captured screen is attached and sent as an image_url part', async () => {
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  await page.getByRole('button', { name: 'Attach' }).click();
  await page.getByRole('menuitem', { name: 'Capture screen' }).click();
  await page.getByText(/^screen-.*\.png$/).waitFor();
  const body = await ask(page, 'What is on my screen?');
  const parts = body.messages.at(-1).content;
  assert.ok(Array.isArray(parts), 'the message is sent as parts');
  assert.deepEqual(parts[0], { type: 'text', text: 'What is on my screen?' });
  assert.equal(parts[1].type, 'image_url');
  assert.match(parts[1].image_url.url, /^data:image\/png;base64,.{100,}/);
  await page.getByText('Images seen: 1').waitFor();
  await page.context().close();
});

test('with notifications on, an answer that finishes while the tab is hidden raises a notification and a chime', async () => {
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  await page.context().grantPermissions(['notifications']);
  // records notifications and chimes; the tab's visibility is switched by the test
  await page.addInitScript(() => {
    window.__shown = [];
    window.__chimes = 0;
    const Real = window.Notification;
    window.Notification = class extends Real {
      constructor(title, options) {
        super(title, options);
        window.__shown.push({ title, body: options?.body });
      }
    };
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function () {
      window.__chimes++;
      return create.call(this);
    };
    window.__hide = (hidden) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
      document.hasFocus = () => !hidden;
    };
  });
  await page.reload();
  await page.getByRole('button', { name: 'Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('tab', { name: 'Notifications' }).click();
  await dialog.getByRole('switch', { name: 'Notifications', exact: true }).click();
  await eventually(() => ui().notificationEnabled === true, 'notificationEnabled saved');
  assert.equal(await dialog.getByRole('switch', { name: 'Notification sound', exact: true }).isChecked(), true, 'the sound is on by default, as in stock');
  await page.keyboard.press('Escape');

  // in view: nothing
  await page.evaluate(() => window.__hide(false));
  await ask(page, 'Seen while looking');
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => [window.__shown.length, window.__chimes]), [0, 0]);

  // hidden: a notification with the chat's title and the answer, and the chime
  await page.evaluate(() => window.__hide(true));
  await ask(page, 'Finished while away');
  await eventually(async () => (await page.evaluate(() => window.__shown.length)) === 1, 'the notification');
  const [shown] = await page.evaluate(() => window.__shown);
  assert.match(shown.title, / • Open WebUI$/);
  assert.match(shown.body, /You said: \*\*Finished while away\*\*/);
  assert.ok((await page.evaluate(() => window.__chimes)) > 0, 'the chime played');

  // the sound switched off: a notification, no chime
  await page.evaluate(() => window.__hide(false));
  await page.getByRole('button', { name: 'Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await dialog.getByRole('tab', { name: 'Notifications' }).click();
  await dialog.getByRole('switch', { name: 'Notification sound', exact: true }).click();
  await eventually(() => ui().notificationSound === false, 'notificationSound saved');
  await page.keyboard.press('Escape');
  await page.evaluate(() => { window.__chimes = 0; window.__hide(true); });
  await ask(page, 'Quietly');
  await eventually(async () => (await page.evaluate(() => window.__shown.length)) === 2, 'the second notification');
  assert.equal(await page.evaluate(() => window.__chimes), 0);

  // a second tab used since: only the tab the user was in last signals
  const other = await page.context().newPage();
  await other.goto(`${suite.backend.url}/`);
  await other.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
  await ask(page, 'Finished in the older tab');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__shown.length), 2, 'no notification from a tab that was not used last');
  await page.context().close();
});
