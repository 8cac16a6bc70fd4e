// Browser tests of notes and channels: two users in two independent browser contexts, live over
// Socket.IO, against the STAND-IN backend (stand-in-backend.js + stand-in/*.js).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.js';
import { startStandIn } from './stand-in-backend.js';
import { eventually, pageFor as openPage, signUp as signUpUser } from './support.js';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

let backend;
let browser;
let ada; // admin page
let bob; // second user's page
let bobUser;

const signUp = (name, email) => signUpUser(backend, name, email);
const pageFor = (session) => openPage(browser, backend, session);

before(async () => {
  backend = await startStandIn({ staticDir: new URL('../dist', import.meta.url).pathname });
  Object.assign(backend.state.authConfig, { ENABLE_NOTES: true, ENABLE_CHANNELS: true, DEFAULT_USER_ROLE: 'user' });
  const adaSession = await signUp('Ada Admin', 'ada@example.com');
  const bobSession = await signUp('Bob Builder', 'bob@example.com');
  bobUser = backend.state.users.find((u) => u.id === bobSession.id);
  browser = await launchBrowser();
  ada = await pageFor(adaSession);
  bob = await pageFor(bobSession);
});

after(async () => {
  await browser?.close();
  await backend?.close();
});

describe('notes', () => {
  test('a note is created, shared with a user for writing, and edited by both at once', async () => {
    await ada.getByRole('link', { name: 'Notes' }).click();
    await ada.waitForURL('**/notes');
    await ada.getByText('No notes yet', { exact: false }).waitFor();
    await ada.getByRole('button', { name: 'New note' }).click();
    await ada.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    const id = new URL(ada.url()).pathname.split('/').pop();
    await ada.getByLabel('Note title').fill('Meeting notes');
    const adaBody = ada.getByLabel('Note content');
    await adaBody.click();
    await ada.keyboard.type('Agenda: budget');
    await eventually(() => backend.state.notes.get(id).data?.content?.md === 'Agenda: budget' && backend.state.notes.get(id).title === 'Meeting notes', 'the note to be saved');
    assert.match(backend.state.notes.get(id).data.content.html, /<p>Agenda: budget<\/p>/);

    // Bob cannot open a private note.
    await bob.goto(`${backend.url}/notes/${id}`);
    await bob.getByText('Note not found').waitFor();

    // Ada grants Bob write access by searching for him.
    await ada.getByRole('button', { name: 'Access' }).click();
    await ada.getByLabel('Add user').fill('bob');
    await ada.getByRole('option', { name: /Bob Builder/ }).click();
    await ada.getByLabel('Access of Bob Builder').selectOption('write');
    await eventually(() => backend.state.notes.get(id).access_control?.write?.user_ids?.includes(bobUser.id), 'write access to be saved');
    assert.deepEqual(backend.state.notes.get(id).access_control.read.user_ids, [bobUser.id]);

    await bob.goto(`${backend.url}/notes/${id}`);
    const bobBody = bob.getByLabel('Note content');
    await eventually(async () => (await bobBody.inputValue()) === 'Agenda: budget', 'Bob to see the shared text');
    await ada.getByLabel('Also editing').getByTitle('Bob Builder').waitFor();

    // Bob types at the end while Ada types at the start: both edits survive on both screens.
    await bobBody.click();
    await bob.keyboard.press('End');
    await bob.keyboard.type(', hiring');
    await adaBody.click();
    await ada.keyboard.press('Control+Home');
    await ada.keyboard.type('# Weekly\n');
    const expected = '# Weekly\nAgenda: budget, hiring';
    await eventually(async () => (await adaBody.inputValue()) === expected && (await bobBody.inputValue()) === expected, 'both editors to converge');
    await eventually(() => backend.state.notes.get(id).data.content.md === expected, 'the merged text to be saved');
    await ada.screenshot({ path: `${ARTIFACTS}20-note-collab.png` });
    await bob.getByRole('button', { name: 'Preview' }).click();
    await bob.getByLabel('Note preview').getByRole('heading', { name: 'Weekly' }).waitFor();
    await bob.getByRole('button', { name: 'Edit', exact: true }).click();

    // Title changes reach the other editor through note-events.
    await ada.getByLabel('Note title').fill('Weekly meeting');
    await eventually(async () => (await bob.getByLabel('Note title').inputValue()) === 'Weekly meeting', 'Bob to see the new title');

    // A reload shows the stored note; the list shows it for Bob too.
    await bob.goto(`${backend.url}/notes`);
    await bob.getByRole('link', { name: /Weekly meeting/ }).waitFor();
  });

  test('a note can be deleted from the list by its owner', async () => {
    await ada.goto(`${backend.url}/notes`);
    await ada.getByRole('button', { name: 'Delete note Weekly meeting' }).click();
    await ada.getByRole('dialog', { name: 'Delete note?' }).getByRole('button', { name: 'Delete' }).click();
    await ada.getByText('No notes yet', { exact: false }).waitFor();
    assert.equal(backend.state.notes.size, 0);
  });
});

describe('channels', () => {
  let channelId;

  test('the admin creates a channel; a member sees it and messages arrive live', async () => {
    await ada.goto(`${backend.url}/`);
    await ada.getByRole('button', { name: 'New channel' }).click();
    const dialog = ada.getByRole('dialog', { name: 'New channel' });
    await dialog.getByLabel('Channel name').fill('General Talk');
    await dialog.getByLabel('Description').fill('Anything goes');
    await dialog.getByRole('button', { name: 'Create channel' }).click();
    await ada.waitForURL(/\/channels\/[0-9a-f-]{36}$/);
    channelId = new URL(ada.url()).pathname.split('/').pop();
    const channel = backend.state.channels.get(channelId);
    assert.equal(channel.name, 'general-talk');
    assert.equal(channel.access_control, null, 'public by default');

    await bob.goto(`${backend.url}/`);
    await bob.getByRole('link', { name: 'general-talk' }).click();
    await bob.getByText('No messages yet', { exact: false }).waitFor();
    await eventually(() => backend.state.roomSize(`channel:${channelId}`) === 2, 'both sockets to be in the channel room');

    await ada.getByLabel('Channel message').fill('Hello **team**');
    await ada.keyboard.press('Enter');
    const bobList = bob.getByRole('list', { name: 'Messages in #general-talk' });
    await bobList.getByRole('listitem', { name: 'Message from Ada Admin' }).locator('strong', { hasText: 'team' }).waitFor();
    await ada.getByRole('listitem', { name: 'Message from Ada Admin' }).waitFor();
    assert.equal(await ada.getByRole('listitem', { name: 'Message from Ada Admin' }).count(), 1, 'own message shown once');
  });

  test('typing is shown to the other member, and replies, reactions, edits and deletes are live', async () => {
    await bob.getByLabel('Channel message').pressSequentially('Hi', { delay: 30 });
    await ada.getByText('Bob Builder is typing…').waitFor();
    await bob.keyboard.press('Enter');
    const bobMessageOnAda = ada.getByRole('listitem', { name: 'Message from Bob Builder' });
    await bobMessageOnAda.waitFor();
    await ada.getByText('Bob Builder is typing…').waitFor({ state: 'detached' });

    // Ada reacts to Bob's message; Bob sees the count.
    await bobMessageOnAda.hover();
    await bobMessageOnAda.getByRole('button', { name: 'Add reaction' }).click();
    await bobMessageOnAda.getByRole('button', { name: 'React thumbsup' }).click();
    const bobMessageOnBob = bob.getByRole('listitem', { name: 'Message from Bob Builder' });
    await bobMessageOnBob.getByRole('button', { name: 'thumbsup 1' }).waitFor();
    // Bob adds the same reaction, then Ada takes hers back.
    await bobMessageOnBob.getByRole('button', { name: 'thumbsup 1' }).click();
    await bobMessageOnAda.getByRole('button', { name: 'thumbsup 2' }).click();
    await bobMessageOnBob.getByRole('button', { name: 'thumbsup 1' }).waitFor();
    const stored = [...backend.state.channelMessages.values()].find((m) => m.content === 'Hi');
    assert.deepEqual(stored.reactions.find((r) => r.name === 'thumbsup').user_ids, [bobUser.id]);

    // Ada replies in a thread; Bob sees the reply count and the reply.
    const adaMessageOnAda = ada.getByRole('list', { name: 'Messages in #general-talk' }).getByRole('listitem', { name: 'Message from Ada Admin' });
    await adaMessageOnAda.hover();
    await adaMessageOnAda.getByRole('button', { name: 'Reply in thread' }).click();
    const thread = ada.getByRole('complementary', { name: 'Thread' });
    await thread.getByLabel('Reply').fill('First reply');
    await thread.getByLabel('Reply').press('Enter');
    await thread.getByRole('list', { name: 'Replies' }).getByText('First reply').waitFor();
    await bob.getByRole('button', { name: '1 reply' }).click();
    await bob.getByRole('complementary', { name: 'Thread' }).getByRole('list', { name: 'Replies' }).getByText('First reply').waitFor();
    assert.equal(await bob.getByRole('list', { name: 'Messages in #general-talk' }).getByText('First reply').count(), 0, 'replies stay out of the main list');
    await ada.screenshot({ path: `${ARTIFACTS}21-channel-thread.png` });

    // Bob edits and then deletes his message; Ada's screen follows.
    await bobMessageOnBob.hover();
    await bobMessageOnBob.getByRole('button', { name: 'Edit this message' }).click();
    await bob.getByLabel('Edited text').fill('Hi everyone');
    await bob.getByRole('button', { name: 'Save', exact: true }).click();
    await bobMessageOnAda.getByText('Hi everyone').waitFor();
    await bobMessageOnBob.hover();
    await bobMessageOnBob.getByRole('button', { name: 'Delete this message' }).click();
    await bobMessageOnAda.waitFor({ state: 'detached' });
    // Bob may not edit Ada's message: no edit button for him.
    const adaMessageOnBob = bob.getByRole('list', { name: 'Messages in #general-talk' }).getByRole('listitem', { name: 'Message from Ada Admin' });
    await adaMessageOnBob.hover();
    assert.equal(await adaMessageOnBob.getByRole('button', { name: 'Edit this message' }).count(), 0);
  });

  test('@mentions a user and attaches a file and an image; the other member sees the mention and gets the file', async () => {
    const box = ada.getByLabel('Channel message');
    const composer = ada.locator('form', { has: box });
    await box.fill('');
    await box.pressSequentially('Hi @bo', { delay: 20 });
    const options = ada.getByRole('listbox', { name: 'Mention' });
    await options.getByRole('option', { name: /Bob Builder/ }).waitFor();
    await box.press('Enter');
    assert.equal(await box.inputValue(), 'Hi @Bob Builder ', 'the pick replaces the typed @word and sends nothing');
    await box.pressSequentially('see the plan', { delay: 10 });

    const pick = async (file) => {
      const [chooser] = await Promise.all([ada.waitForEvent('filechooser'), composer.getByRole('button', { name: 'Attach files' }).click()]);
      await chooser.setFiles(file);
    };
    await pick({ name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from('the plan') });
    const dot = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await pick({ name: 'dot.png', mimeType: 'image/png', buffer: dot });
    const send = composer.getByRole('button', { name: 'Send', exact: true });
    await eventually(async () => send.isEnabled(), 'the upload to finish');
    await send.click();

    const stored = await (async () => {
      let found;
      await eventually(() => (found = [...backend.state.channelMessages.values()].find((m) => m.content.startsWith('Hi <@U:'))), 'the message to be stored');
      return found;
    })();
    assert.equal(stored.content, `Hi <@U:${bobUser.id}|Bob Builder> see the plan`, 'the stock mention format');
    assert.equal(stored.data.files.length, 2);
    const [file, image] = stored.data.files;
    assert.equal(file.type, 'file');
    assert.equal(backend.state.files.get(file.id).filename, 'plan.txt');
    assert.equal(image.type, 'image');
    assert.match(image.url, /^data:image\/png;base64,/);

    const onBob = bob.getByRole('list', { name: 'Messages in #general-talk' }).getByRole('listitem', { name: 'Message from Ada Admin' }).filter({ hasText: 'see the plan' });
    await onBob.locator('.mention', { hasText: '@Bob Builder' }).waitFor();
    assert.equal(await onBob.getByText('<@U:').count(), 0, 'the token is not shown raw');
    await onBob.getByRole('img', { name: 'dot.png' }).waitFor();
    await bob.screenshot({ path: `${ARTIFACTS}22-channel-mention-files.png` });
    const [download] = await Promise.all([bob.waitForEvent('download'), onBob.getByRole('button', { name: 'Download plan.txt' }).click()]);
    assert.equal(download.suggestedFilename(), 'plan.txt');
    assert.equal(readFileSync(await download.path(), 'utf8'), 'the plan', 'a member reads the attached file');
  });

  test('a message in a channel that is not open is announced', async () => {
    await bob.goto(`${backend.url}/`);
    await bob.getByRole('link', { name: 'general-talk' }).waitFor();
    await eventually(() => backend.state.roomSize(`channel:${channelId}`) === 2, "Bob's new socket to be in the channel room");
    await ada.getByLabel('Channel message').fill('Lunch at noon');
    await ada.keyboard.press('Enter');
    await bob.getByText('Ada Admin in #general-talk: Lunch at noon').waitFor();
  });

  test('a private channel is hidden from users without access until the admin grants it', async () => {
    await ada.getByRole('button', { name: 'Edit channel' }).click();
    const dialog = ada.getByRole('dialog', { name: 'Edit channel' });
    await dialog.getByLabel('Visibility').selectOption('private');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(backend.state.channels.get(channelId).access_control, { read: { group_ids: [], user_ids: [] }, write: { group_ids: [], user_ids: [] } });
    await bob.reload();
    await bob.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
    assert.equal(await bob.getByRole('link', { name: 'general-talk' }).count(), 0);
    const res = await fetch(`${backend.url}/api/v1/channels/${channelId}/messages`, { headers: { Authorization: `Bearer ${await bob.evaluate(() => localStorage.getItem('token'))}` } });
    assert.equal(res.status, 404, 'the stand-in refuses a foreign private channel too');

    await ada.getByRole('button', { name: 'Edit channel' }).click();
    await dialog.getByLabel('Add user').fill('bob');
    await dialog.getByRole('option', { name: /Bob Builder/ }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await bob.reload();
    await bob.getByRole('link', { name: 'general-talk' }).waitFor();
  });

  test('the admin deletes the channel', async () => {
    await ada.getByRole('button', { name: 'Delete channel' }).click();
    await ada.getByRole('dialog', { name: 'Delete channel?' }).getByRole('button', { name: 'Delete' }).click();
    await ada.waitForURL(`${backend.url}/`);
    assert.equal(await ada.getByRole('link', { name: 'general-talk' }).count(), 0);
    assert.equal(backend.state.channels.size, 0);
  });
});
