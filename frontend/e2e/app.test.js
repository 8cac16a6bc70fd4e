// Browser tests of the SPA (built dist/) in headless Debian chromium, against the in-memory
// STAND-IN backend of this round (stand-in-backend.js) — not the Java suite yet.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launch } from './browser.js';
import { MODEL, SECOND_MODEL, startStandIn } from './stand-in-backend.js';
import { eventually, messageText, waitForCall } from './support.js';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

let backend;
let chrome;
let page;
const dialogs = [];

const shot = (name, p = page) => p.screenshot({ path: `${ARTIFACTS}${name}.png` });
const admin = () => backend.state.users[0];
const tokenOf = (p = page) => p.evaluate(() => localStorage.getItem('token'));

async function sendMessage(text) {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
}

async function signIn(email, password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
}

/** Leaves the current screen (via `back` if given), then signs out from the user menu. */
async function signOutVia(back) {
  if (back) await page.getByRole('button', { name: back }).click();
  await page.locator('nav .user').click();
  await page.getByRole('menuitem', { name: 'Sign Out' }).click();
  await page.waitForURL('**/auth');
}

async function waitIdle() {
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 15000 });
}

before(async () => {
  backend = await startStandIn({ staticDir: new URL('../dist', import.meta.url).pathname });
  chrome = await launch({ viewport: { width: 1280, height: 820 } });
  await chrome.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: backend.url });
  page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  page.setDefaultTimeout(10000);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
});

after(async () => {
  await chrome?.close();
  await backend?.close();
});

describe('first run and chat', () => {
  test('first visit asks for the admin account and follows the startup sequence', async () => {
    await page.goto(backend.url + '/');
    await page.waitForURL('**/auth');
    await page.getByRole('heading', { name: 'Get started with Open WebUI' }).waitFor();
    await shot('01-onboarding');
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('Ada@Example.com');
    await page.getByLabel('Password').fill('s3cret-pass');
    await page.getByRole('button', { name: 'Create Admin Account' }).click();
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(admin().role, 'admin');
    assert.match(admin().profile_image_url, /^data:image\/png;base64,/);
    const calls = backend.state.calls;
    assert.equal(calls[0], 'GET /api/config', 'config is fetched first');
    for (const call of ['POST /api/v1/auths/signup', 'GET /api/v1/users/user/settings', 'GET /api/models']) assert.ok(calls.includes(call), call);
    assert.equal(await page.getByRole('button', { name: 'Select a model' }).innerText(), MODEL.name);
    await shot('02-new-chat');
  });

  test('Shift+Enter adds a line, Enter sends and the answer streams in as highlighted Markdown', async () => {
    const box = page.getByLabel('Message', { exact: true });
    await box.fill('first line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    assert.match(await messageText(page), /^first line\n\n?second line$/);
    await box.fill('Hello there friend');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]');
    await waitIdle();
    const answer = page.getByTestId('assistant-message').last();
    assert.equal(await answer.locator('strong').first().innerText(), 'Hello there friend');
    await answer.locator('code.hljs.language-python .hljs-keyword').first().waitFor(); // highlight.js arrives on demand
    assert.equal(await answer.locator('li').count(), 2);
    await page.getByRole('heading', { name: 'Hello there friend' }).waitFor();
    await page.getByRole('link', { name: 'Hello there friend' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop();
    const stored = backend.state.chats.get(id);
    const saved = Object.values(stored.chat.history.messages).find((m) => m.role === 'assistant');
    assert.ok(saved.done && saved.content.startsWith('You said'), 'the finished answer was saved by the client');
    await shot('03-chat-streamed');
  });

  test('tags: generated tags arrive by event, tags can be added, removed and used as a filter', async () => {
    const tags = page.getByRole('group', { name: 'Tags' });
    await tags.getByRole('button', { name: 'General', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByLabel('New tag').fill('Work Stuff');
    await page.keyboard.press('Enter');
    await tags.getByRole('button', { name: 'Work Stuff', exact: true }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop();
    assert.deepEqual(backend.state.chats.get(id).meta.tags, ['general', 'work_stuff']);
    await page.getByRole('button', { name: 'Remove tag General' }).click();
    await tags.getByRole('button', { name: 'General', exact: true }).waitFor({ state: 'detached' });
    assert.deepEqual(backend.state.chats.get(id).meta.tags, ['work_stuff']);
    const beforeFilter = backend.state.calls.length;
    await tags.getByRole('button', { name: 'Work Stuff', exact: true }).click();
    await waitForCall(backend, 'GET /api/v1/chats/search?text=tag%3Awork_stuff&page=1', beforeFilter);
    await page.getByRole('link', { name: 'Hello there friend' }).waitFor();
    await page.getByPlaceholder('Search').fill('');
  });

  test('copying a code block puts the code on the clipboard', async () => {
    await page.locator('[data-copy-code]').first().click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, 'def greet(name):\n    return f"Hello, {name}!"');
  });

  test('regenerate creates a second version and the branch arrows switch between them', async () => {
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await page.getByRole('menuitem', { name: 'Try Again' }).click();
    await waitIdle();
    await page.getByText('2/2').waitFor();
    await page.getByRole('button', { name: 'Previous version' }).click();
    await page.getByText('1/2').waitFor();
    await page.getByRole('button', { name: 'Next version' }).click();
    await page.getByText('2/2').waitFor();
  });

  test('editing a sent message resends it on a new branch', async () => {
    await page.getByTestId('user-message').hover();
    await page.getByRole('button', { name: 'Edit message' }).click();
    await page.getByLabel('Edit message').fill('Edited question here');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await waitIdle();
    assert.match(await page.getByTestId('assistant-message').innerText(), /Edited question here/);
    await page.getByTestId('user-message').hover();
    await page.getByRole('button', { name: 'Previous version' }).first().click();
    await page.getByTestId('user-message').locator('.bubble', { hasText: 'Hello there friend' }).waitFor();
    await page.getByRole('button', { name: 'Next version' }).first().click();
    // Editing the first message is a new first exchange, so the title is generated again (as stock does).
    await page.getByRole('heading', { name: 'Edited question here' }).waitFor();
    await shot('04-branches');
  });

  test('a reload restores the chat and its history from the server', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Edited question here' }).waitFor();
    await page.getByTestId('user-message').first().waitFor(); // the title can show before the messages render
    assert.equal(await page.getByTestId('user-message').count(), 1);
    assert.match(await page.getByTestId('assistant-message').innerText(), /You said: Edited question here/);
    assert.equal(await page.getByRole('link', { name: 'Edited question here' }).count(), 1);
  });

  test('stop ends a running answer and keeps the partial text', async () => {
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await sendMessage('please be slow today');
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="assistant-message"] .markdown')?.textContent ?? '').length > 20);
    await page.getByRole('button', { name: 'Stop' }).click();
    await waitIdle();
    assert.equal(backend.state.tasks.size, 0, 'the task was stopped on the server');
    const text = await page.getByTestId('assistant-message').locator('.markdown').innerText();
    assert.ok(text.length > 0 && text.length < 'Thinking slowly. '.repeat(200).length, 'partial answer kept');
    await page.getByRole('button', { name: 'Send message' }).waitFor();
  });

  test('sources arrive before the answer and are shown as citations', async () => {
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await sendMessage('please cite the handbook');
    await waitIdle();
    const sources = page.getByTestId('assistant-message').getByLabel('Sources');
    assert.equal(await sources.locator('.chip').count(), 1);
    assert.equal((await sources.locator('.chip').innerText()).replace(/\s+/g, ' '), '1 handbook.pdf');
  });

  test('files upload with progress, knowledge bases can be picked, and both go with the message', async () => {
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await page.getByLabel('Upload files').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('meeting notes') },
      { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from('x') },
      { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1024 * 1024 + 1, 97) }
    ]);
    await page.getByText('huge.txt is larger than 1 MB').waitFor();
    const chips = page.getByLabel('Attachments');
    await chips.getByText('Could not extract text').waitFor();
    await page.getByRole('button', { name: 'Remove broken.txt' }).click();
    await page.getByRole('button', { name: 'Attach' }).click();
    await page.getByRole('menuitem', { name: 'Team Handbook' }).click();
    await page.waitForFunction(() => !document.querySelector('[aria-label="Attachments"]')?.textContent?.includes('Processing'));
    await shot('05-attachments');
    await sendMessage('summarise the attachments');
    await waitIdle();
    assert.deepEqual(backend.state.lastCompletion.files.map((f) => [f.type, f.name]), [['file', 'notes.txt'], ['collection', 'Team Handbook']]);
    assert.match(await page.getByTestId('assistant-message').innerText(), /Files: file:notes\.txt, collection:Team Handbook/);
    assert.equal(await page.getByTestId('user-message').locator('.file').count(), 2);
    assert.equal(await page.getByLabel('Attachments', { exact: true }).count(), 0, 'attachments are cleared after sending');
  });

  test('two models answer side by side', async () => {
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await page.getByRole('button', { name: 'Add model' }).click();
    assert.equal(await page.getByRole('button', { name: 'Select model 2' }).innerText(), SECOND_MODEL.name);
    const before = backend.state.completions.length;
    await sendMessage('compare yourselves');
    await waitIdle();
    const asked = backend.state.completions.slice(before);
    assert.deepEqual(asked.map((c) => c.model).sort(), [MODEL.id, SECOND_MODEL.id].sort());
    assert.notEqual(asked[0].id, asked[1].id);
    const replies = page.locator('.side-by-side [data-testid="assistant-message"]');
    assert.equal(await replies.count(), 2);
    assert.match(await replies.nth(0).innerText(), /Answered by Stand-in Model/);
    assert.match(await replies.nth(1).innerText(), /Answered by Second Model/);
    await shot('05-side-by-side');
    const id = new URL(page.url()).pathname.split('/').pop();
    const saved = Object.values(backend.state.chats.get(id).chat.history.messages).filter((m) => m.role === 'assistant');
    assert.equal(saved.filter((m) => m.done && m.content.includes('Answered by')).length, 2, 'both answers are saved');
    await page.getByRole('button', { name: 'Remove model 2' }).click();
    await page.getByRole('button', { name: 'Select model 2' }).waitFor({ state: 'detached' });
  });

  test('model output cannot run script (sanitised Markdown)', async () => {
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await sendMessage('<img src=x onerror="alert(1)"> and <a href="javascript:alert(2)">link</a>');
    await waitIdle();
    const answer = page.getByTestId('assistant-message').last();
    assert.equal(await answer.locator('[onerror]').count(), 0);
    assert.equal(await answer.locator('a[href^="javascript"]').count(), 0);
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
  });

  test('a temporary chat answers without being saved', async () => {
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await page.getByRole('button', { name: 'Temporary chat' }).click();
    const chatsBefore = backend.state.chats.size;
    const callsBefore = backend.state.calls.length;
    await sendMessage('keep this off the record');
    await waitIdle();
    assert.match(await page.getByTestId('assistant-message').last().innerText(), /You said: keep this off the record/);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(backend.state.lastCompletion.chat_id, 'local');
    assert.equal(backend.state.chats.size, chatsBefore);
    assert.ok(!backend.state.calls.slice(callsBefore).some((c) => c.startsWith('POST /api/v1/chats')), 'no chat endpoint was called');
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    assert.equal(await page.getByRole('button', { name: 'Temporary chat' }).getAttribute('aria-pressed'), 'false');
  });
});

describe('sidebar', () => {
  test('rename, pin, archive and delete from the chat menu', async () => {
    // The stopped chat kept its default title (no title task runs after a stop).
    const link = page.getByRole('link', { name: 'New Chat', exact: true });
    await link.hover();
    await page.getByRole('button', { name: 'Chat options for New Chat', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByLabel('Chat title').fill('Renamed chat');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Renamed chat' }).waitFor();
    assert.equal([...backend.state.chats.values()].filter((c) => c.title === 'Renamed chat').length, 1);

    await page.getByRole('button', { name: 'Chat options for Renamed chat' }).click();
    await page.getByRole('menuitem', { name: 'Pin' }).click();
    await page.getByRole('heading', { name: 'Pinned' }).waitFor();
    assert.ok([...backend.state.chats.values()].find((c) => c.title === 'Renamed chat').pinned);

    await page.getByRole('button', { name: 'Chat options for Edited question here' }).click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await page.getByRole('link', { name: 'Edited question here' }).waitFor({ state: 'detached' });
    assert.ok([...backend.state.chats.values()].find((c) => c.title === 'Edited question here').archived);

    await page.getByRole('button', { name: 'Chat options for Renamed chat' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete chat?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('link', { name: 'Renamed chat' }).waitFor({ state: 'detached' });
    assert.equal([...backend.state.chats.values()].some((c) => c.title === 'Renamed chat'), false);
  });

  test('archived chats can be brought back', async () => {
    await page.getByRole('button', { name: 'Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Archived Chats' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archived Chats' });
    await dialog.getByText('Edited question here').waitFor();
    await dialog.getByRole('button', { name: 'Unarchive' }).click();
    await dialog.getByText('You have no archived conversations.').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Edited question here' }).waitFor();
  });

  test('history is grouped by date and loads page after page while scrolling', async () => {
    const user = admin();
    const day = 86400;
    for (let i = 0; i < 70; i++) {
      const t = Math.floor(Date.now() / 1000) - (i < 3 ? 2 * day : 400 * day) - i;
      backend.state.chats.set(`seed-${i}`, { id: `seed-${i}`, user_id: user.id, title: `Seeded ${i}`, chat: { history: { currentId: null, messages: {} }, messages: [] }, created_at: t, updated_at: t, archived: false, pinned: false, folder_id: null, meta: {}, share_id: null });
    }
    await page.reload();
    await page.getByRole('heading', { name: 'Previous 7 days' }).waitFor();
    await page.getByRole('link', { name: 'Seeded 0', exact: true }).waitFor();
    await shot('06-sidebar-groups');
    const list = page.locator('nav .scroll');
    // Scroll to the end until the next page has been asked for (a slow machine may need several tries).
    const scrollUntil = (check, what) =>
      eventually(async () => {
        await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
        return check();
      }, what);
    await scrollUntil(async () => (await page.getByRole('link', { name: 'Seeded 69' }).count()) > 0, 'the second page to be shown');
    assert.ok(backend.state.calls.includes('GET /api/v1/chats/?page=2'));
    await scrollUntil(() => backend.state.calls.includes('GET /api/v1/chats/?page=3'), 'the request for the empty third page');
    const asked = backend.state.calls.length;
    await list.evaluate((el) => (el.scrollTop = 0));
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForTimeout(300);
    assert.equal(backend.state.calls.slice(asked).filter((c) => c.startsWith('GET /api/v1/chats/?page=')).length, 0, 'stops after the empty page');
  });

  test('search narrows the list to matching chats', async () => {
    await page.getByPlaceholder('Search').fill('edited question');
    await page.getByRole('link', { name: 'Seeded 1', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Edited question here' }).waitFor();
    await page.getByPlaceholder('Search').fill('');
    await page.getByRole('link', { name: 'Seeded 1', exact: true }).waitFor();
  });

  test('folders: create, rename, and drag a chat into it', async () => {
    await page.getByRole('button', { name: 'New folder' }).click();
    await page.getByLabel('Folder name').fill('Research');
    await page.keyboard.press('Enter');
    const folder = page.getByRole('button', { name: 'Research', exact: true });
    await folder.waitFor();
    await page.getByRole('link', { name: 'Edited question here' }).dragTo(folder);
    await page.getByRole('group', { name: 'Folder Research' }).getByRole('link', { name: 'Edited question here' }).waitFor();
    const f = [...backend.state.folders.values()].find((x) => x.name === 'Research');
    assert.equal([...backend.state.chats.values()].find((c) => c.title === 'Edited question here').folder_id, f.id);
    assert.equal(f.is_expanded, true);
    await shot('06-folders-dnd');
  });

  test('folders: create a subfolder, drag it to the top level and back, never into itself', async () => {
    await page.getByRole('group', { name: 'Folder Research' }).locator('.head').first().hover();
    await page.getByRole('button', { name: 'Folder options for Research' }).click();
    await page.getByRole('menuitem', { name: 'New subfolder' }).click();
    await page.getByLabel('Folder name').fill('Papers');
    await page.keyboard.press('Enter');
    const research = [...backend.state.folders.values()].find((x) => x.name === 'Research');
    const papers = () => [...backend.state.folders.values()].find((x) => x.name === 'Papers');
    await page.getByRole('group', { name: 'Folder Research' }).getByRole('button', { name: 'Papers', exact: true }).waitFor();
    assert.equal(papers().parent_id, research.id);

    const papersHead = () => page.getByRole('group', { name: 'Folder Papers' }).locator('.head').first();
    await papersHead().dragTo(page.getByRole('heading', { name: 'Folders' }));
    await page.getByRole('group', { name: 'Folder Research' }).getByRole('button', { name: 'Papers', exact: true }).waitFor({ state: 'detached' });
    assert.equal(papers().parent_id, null);

    await papersHead().dragTo(page.getByRole('button', { name: 'Research', exact: true }));
    await page.getByRole('group', { name: 'Folder Research' }).getByRole('button', { name: 'Papers', exact: true }).waitFor();
    assert.equal(papers().parent_id, research.id);

    // Research cannot go into its own subfolder: nothing is sent, nothing moves.
    const before = backend.state.calls.length;
    await page.getByRole('group', { name: 'Folder Research' }).locator('.head').first().dragTo(page.getByRole('button', { name: 'Papers', exact: true }));
    await page.getByText('A folder cannot be moved into itself').waitFor();
    await page.getByRole('group', { name: 'Folder Research' }).getByRole('button', { name: 'Papers', exact: true }).waitFor();
    assert.equal(research.parent_id, null);
    assert.ok(!backend.state.calls.slice(before).some((c) => c.includes('/update/parent')), 'no parent update was sent');
  });
});

describe('sharing', () => {
  test('a share link opens a read-only snapshot that can be cloned', async () => {
    const folder = page.getByRole('group', { name: 'Folder Research' });
    await folder.getByRole('link', { name: 'Edited question here' }).hover();
    await folder.getByRole('button', { name: 'Chat options for Edited question here' }).click();
    await page.getByRole('menuitem', { name: 'Share' }).click();
    await page.getByText(/Share link copied/).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const original = [...backend.state.chats.values()].find((c) => c.title === 'Edited question here');
    assert.equal(link, `${backend.url}/s/${original.share_id}`);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Edited question here' }).waitFor();
    assert.match(await page.locator('main.shared').innerText(), /You said: Edited question here/);
    await shot('07-shared');
    await page.getByRole('button', { name: 'Clone to my chats' }).click();
    await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
    const cloneId = new URL(page.url()).pathname.split('/').pop();
    assert.notEqual(cloneId, original.id);
    assert.equal(backend.state.chats.get(cloneId).user_id, admin().id);
    await page.getByRole('heading', { name: 'Clone of Edited question here' }).waitFor();
  });
});

describe('ratings', () => {
  test('an answer is rated, the reason and comment update the same feedback, and the rating survives a reload', async () => {
    // The clone made by the sharing test is open.
    await page.getByRole('heading', { name: 'Clone of Edited question here' }).waitFor();
    const answer = page.getByTestId('assistant-message').last();
    await answer.getByRole('button', { name: 'Good response' }).click();
    await page.getByRole('form', { name: 'Rating details' }).waitFor();
    assert.equal(backend.state.feedbacks.size, 1);
    const fb = [...backend.state.feedbacks.values()][0];
    const chatId = new URL(page.url()).pathname.split('/').pop();
    assert.equal(fb.data.rating, 1);
    assert.equal(fb.data.model_id, MODEL.id);
    assert.equal(fb.meta.chat_id, chatId);
    const rated = Object.values(backend.state.chats.get(chatId).chat.history.messages).find((m) => m.id === fb.meta.message_id);
    assert.equal(rated.role, 'assistant');
    assert.equal(rated.feedbackId, fb.id, 'the feedback id is kept on the message');

    const form = page.getByRole('form', { name: 'Rating details' });
    await form.getByRole('button', { name: 'Creative' }).click();
    await form.getByLabel('Feedback comment').fill('Nice code sample');
    await form.getByRole('button', { name: 'Submit' }).click();
    await form.waitFor({ state: 'detached' });
    assert.equal(backend.state.feedbacks.size, 1, 'the same feedback was updated');
    assert.deepEqual([fb.data.reason, fb.data.comment], ['Creative', 'Nice code sample']);

    await page.reload();
    const again = page.getByTestId('assistant-message').last();
    assert.equal(await again.getByRole('button', { name: 'Good response' }).getAttribute('aria-pressed'), 'true');
    await again.getByRole('button', { name: 'Bad response' }).click();
    await page.getByRole('form', { name: 'Rating details' }).waitFor();
    assert.equal(backend.state.feedbacks.size, 1);
    assert.equal(fb.data.rating, -1);
    await page.getByRole('form', { name: 'Rating details' }).getByRole('button', { name: 'Close' }).click();
  });
});

describe('workspace', () => {
  test('prompts: create and edit in the workspace, then insert with a slash command', async () => {
    await page.getByRole('button', { name: 'Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Prompts' }).click();
    await page.waitForURL('**/workspace/prompts');
    await page.getByRole('button', { name: 'New prompt' }).click();
    const editor = page.getByRole('form', { name: 'Prompt editor' });
    await editor.getByLabel('Title').fill('Summarize');
    await editor.getByLabel('Command').fill('summarize');
    await editor.getByLabel('Content').fill('Summarize in three bullets:');
    await editor.getByRole('button', { name: 'Save prompt' }).click();
    await page.getByText('/summarize').waitFor();
    assert.equal(backend.state.prompts.get('/summarize').content, 'Summarize in three bullets:');
    assert.deepEqual(backend.state.prompts.get('/summarize').access_control, {}, 'private by default');
    await page.getByRole('button', { name: 'Edit' }).click();
    await editor.getByLabel('Content').fill('Summarize in two bullets:');
    await editor.getByLabel('Visibility').selectOption('public');
    await editor.getByRole('button', { name: 'Save prompt' }).click();
    await editor.waitFor({ state: 'detached' });
    assert.equal(backend.state.prompts.get('/summarize').content, 'Summarize in two bullets:');
    assert.equal(backend.state.prompts.get('/summarize').access_control, null, 'public after the edit');
    await page.getByRole('button', { name: 'Back to chat' }).click();
    await page.getByLabel('Message', { exact: true }).fill('/sum');
    await page.getByRole('option', { name: /\/summarize/ }).waitFor();
    await shot('08-slash-command');
    await page.keyboard.press('Enter');
    await eventually(async () => (await messageText(page)) === 'Summarize in two bullets:', 'the prompt to be inserted');
    await page.getByLabel('Message', { exact: true }).fill('');
  });
});

describe('workspace models', () => {
  test('a custom model appears in the picker and answers', async () => {
    await page.getByRole('button', { name: 'Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Models' }).click();
    await page.getByRole('button', { name: 'New model' }).click();
    const editor = page.getByRole('form', { name: 'Model editor' });
    await editor.getByLabel('Name').fill('Pirate Helper');
    await editor.getByLabel('Base model').selectOption(MODEL.id);
    await editor.getByLabel('System prompt').fill('Talk like a pirate.');
    await editor.getByRole('button', { name: 'Save model' }).click();
    await page.getByText('pirate-helper · based on stand-in/model:1').waitFor();
    assert.deepEqual(backend.state.presets.get('pirate-helper').params, { system: 'Talk like a pirate.' });
    await page.getByRole('button', { name: 'Back to chat' }).click();
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await page.getByRole('button', { name: 'Select a model' }).click();
    await page.getByRole('option', { name: /Pirate Helper/ }).click();
    await sendMessage('ahoy there');
    await waitIdle();
    assert.equal(backend.state.lastCompletion.model, 'pirate-helper');
    assert.match(await page.getByTestId('assistant-message').innerText(), /Answered by Pirate Helper/);
    await page.getByRole('button', { name: 'Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Models' }).click();
    await page.getByRole('button', { name: 'Delete Pirate Helper' }).click();
    await page.getByRole('dialog', { name: 'Delete model?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No custom models yet', { exact: false }).waitFor();
    assert.equal(backend.state.presets.has('pirate-helper'), false);
    await page.getByRole('button', { name: 'Back to chat' }).click();
  });
});

describe('workspace knowledge', () => {
  test('knowledge base: create, upload with status, remove a file, delete', async () => {
    await page.getByRole('button', { name: 'Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Knowledge' }).click();
    await page.getByRole('button', { name: 'New knowledge base' }).click();
    await page.getByLabel('Name').fill('Research Papers');
    await page.getByLabel('Description').fill('PDFs we cite');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Research Papers' }).waitFor();
    await page.getByLabel('Upload files to Research Papers').setInputFiles([
      { name: 'paper.txt', mimeType: 'text/plain', buffer: Buffer.from('a paper') },
      { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from('x') }
    ]);
    const files = page.getByRole('list', { name: 'Files' });
    await files.getByText('Failed: Could not extract text').waitFor();
    await files.getByRole('button', { name: 'Remove paper.txt' }).waitFor();
    await shot('11-knowledge');
    const kb = [...backend.state.knowledge.values()].find((k) => k.name === 'Research Papers');
    assert.equal(kb.data.file_ids.length, 1);
    assert.deepEqual(kb.access_control, {}, 'private when created');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('form', { name: 'Edit knowledge base' });
    await edit.getByLabel('Name').fill('Research Library');
    await edit.getByLabel('Visibility').selectOption('public');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Research Library' }).waitFor();
    assert.equal(kb.name, 'Research Library');
    assert.equal(kb.access_control, null);
    await files.getByRole('button', { name: 'Remove paper.txt' }).click();
    await files.getByRole('button', { name: 'Remove paper.txt' }).waitFor({ state: 'detached' });
    await eventually(() => kb.data.file_ids.length === 0, 'the file to be removed');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete knowledge base?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { name: 'Knowledge' }).waitFor();
    assert.equal(backend.state.knowledge.has(kb.id), false);
    await page.getByRole('button', { name: 'Back to chat' }).click();
  });
});

describe('settings', () => {
  test('theme, default model and system prompt persist', async () => {
    await page.getByRole('button', { name: 'Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Theme').selectOption('dark');
    await dialog.getByLabel('Default model').selectOption(MODEL.id);
    await dialog.getByLabel('System prompt').fill('Answer like a pirate.');
    await dialog.getByLabel('Temperature').fill('0.3');
    await shot('08-settings-dark');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved').waitFor();
    assert.deepEqual(admin().settings.ui.models, [MODEL.id]);
    assert.equal(admin().settings.ui.system, 'Answer like a pirate.');
    assert.deepEqual(admin().settings.ui.params, { temperature: 0.3 });
    await page.reload();
    await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), true);
    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await shot('09-dark-new-chat');
  });

  test('account: change name, password and create an API key', async () => {
    await page.getByRole('button', { name: 'Ada Lovelace' }).click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('tab', { name: 'Account' }).click();
    await dialog.getByLabel('Name').fill('Ada King');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Profile updated').waitFor();
    assert.equal(admin().name, 'Ada King');
    await dialog.getByLabel('Current password').fill('wrong');
    await dialog.getByLabel('New password').fill('n3w-pass');
    await dialog.getByRole('button', { name: 'Update password' }).click();
    await page.getByText('Incorrect password').waitFor();
    await dialog.getByLabel('Current password').fill('s3cret-pass');
    await dialog.getByRole('button', { name: 'Update password' }).click();
    await page.getByText('Password updated').waitFor();
    assert.equal(admin().password, 'n3w-pass');
    // Tab cycles inside the dialog.
    await dialog.getByRole('button', { name: 'Create new secret key' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]')), true);
    await dialog.getByRole('button', { name: 'Create new secret key' }).click();
    await eventually(async () => /^sk-[0-9a-f]{32}$/.test(await dialog.getByLabel('API key').inputValue()), 'the new API key to be shown');
    assert.equal(await dialog.getByLabel('API key').inputValue(), admin().api_key);
    await shot('10-account');
    await page.keyboard.press('Escape');
  });

  test('the system prompt is sent first with the next completion', async () => {
    const before = backend.state.calls.length;
    await sendMessage('Ahoy');
    await waitIdle();
    assert.ok(backend.state.calls.slice(before).includes('POST /api/chat/completions'));
    assert.equal(backend.state.lastCompletion.messages[0].role, 'system');
    assert.equal(backend.state.lastCompletion.messages[0].content, 'Answer like a pirate.');
    assert.deepEqual(backend.state.lastCompletion.params, { temperature: 0.3 });
  });
});

describe('accounts', () => {
  test('sign out returns to the sign-in page', async () => {
    await page.getByRole('button', { name: 'Ada King' }).click();
    await page.getByRole('menuitem', { name: 'Sign Out' }).click();
    await page.waitForURL('**/auth');
    await page.getByRole('heading', { name: 'Sign in to Open WebUI' }).waitFor();
    assert.equal(await tokenOf(), null);
    await shot('10-sign-in');
  });

  test('a wrong password shows the server message', async () => {
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('nope');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText(/incorrect/).waitFor();
  });

  test('a new user waits for approval, then gets in once the admin approves', async () => {
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByLabel('Name').fill('Bob Builder');
    await page.getByLabel('Email').fill('bob@example.com');
    await page.getByLabel('Password').fill('bob-pass');
    await page.getByRole('button', { name: 'Create Account' }).click();
    await page.getByRole('heading', { name: 'Account Activation Pending' }).waitFor();
    await page.getByText('Admin: Ada King (ada@example.com)').waitFor();
    await shot('11-pending');
    assert.equal(backend.state.users.find((u) => u.email === 'bob@example.com').role, 'pending');
    await page.getByRole('button', { name: 'Check Again' }).click();
    await page.getByText('Your account is still pending approval.').waitFor();
    await page.getByRole('button', { name: 'Sign Out' }).click();
    await page.waitForURL('**/auth');

    await signIn('ada@example.com', 'n3w-pass');
    await page.getByRole('button', { name: 'Ada King' }).click();
    await page.getByRole('menuitem', { name: 'Admin Panel' }).click();
    await page.waitForURL('**/admin');
    await page.getByLabel('Role of Bob Builder').selectOption('user');
    await page.getByText('Bob Builder is now user').waitFor();
    assert.equal(backend.state.users.find((u) => u.email === 'bob@example.com').role, 'user');
    await shot('12-admin-users');
    await signOutVia('Back to chat');

    await signIn('bob@example.com', 'bob-pass');
    await page.getByRole('heading', { name: 'No models yet' }).waitFor();
    await page.getByText('An administrator has not made any model available to you yet.').waitFor();
    assert.equal(await page.getByLabel('Message', { exact: true }).isDisabled(), true);
    assert.equal(await page.getByRole('link', { name: 'Edited question here' }).count(), 0, "another user's chats are not shown");
    assert.equal(await page.getByRole('menuitem', { name: 'Admin Panel' }).count(), 0);
  });

  test('admin: connections and sign-up settings are saved through the admin endpoints', async () => {
    await signOutVia(null);
    await signIn('ada@example.com', 'n3w-pass');
    await page.goto(backend.url + '/admin');
    await page.getByRole('tab', { name: 'Groups' }).click();
    await page.getByLabel('New group name').fill('Editors');
    await page.getByRole('button', { name: 'Create group' }).click();
    const editor = page.getByRole('region', { name: 'Edit group Editors' });
    await editor.getByLabel(/Bob Builder/).check();
    await editor.getByLabel('Workspace: prompts').check();
    await editor.getByRole('button', { name: 'Save group' }).click();
    await page.getByText('1 member', { exact: true }).waitFor();
    const group = [...backend.state.groups.values()][0];
    const bob = backend.state.users.find((u) => u.email === 'bob@example.com');
    assert.deepEqual(group.user_ids, [bob.id]);
    assert.equal(group.permissions.workspace.prompts, true);
    await page.getByText('Default permissions (every user)').click();
    await page.getByLabel('Chat: share chats').uncheck();
    await page.getByRole('button', { name: 'Save defaults' }).click();
    await page.getByText('Default permissions saved').waitFor();
    assert.equal(backend.state.defaultPermissions.chat.share, false);
    assert.equal(backend.state.defaultPermissions.features.notes, true, 'flags without a checkbox are kept');
    await shot('13-admin-groups');

    await page.getByRole('tab', { name: 'Connections' }).click();
    await page.getByLabel('API base URL 1').fill('not a url');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Connection error: invalid URL').waitFor();
    await page.getByRole('button', { name: 'Add connection' }).click();
    await page.getByLabel('API base URL 2').fill('http://localhost:11434/v1/');
    await page.getByLabel('API key 2').fill('sk-local');
    await page.getByRole('button', { name: 'Verify' }).nth(1).click();
    await page.getByText('Connection verified: 1 models').waitFor();
    await page.getByRole('button', { name: 'Remove connection 1' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Connections saved').waitFor();
    assert.deepEqual(backend.state.openai.OPENAI_API_BASE_URLS, ['http://localhost:11434/v1']);
    assert.deepEqual(backend.state.openai.OPENAI_API_KEYS, ['sk-local']);
    assert.equal(backend.state.openai.OPENAI_API_CONFIGS['0'].enable, true);
    await page.getByLabel('Ollama API', { exact: true }).check();
    await page.getByRole('button', { name: 'Add Ollama connection' }).click();
    await page.getByLabel('Ollama URL 1').fill('http://ollama:11434/');
    await page.getByLabel('Ollama prefix 1').fill('local');
    await page.getByRole('button', { name: 'Save Ollama connections' }).click();
    await eventually(() => backend.state.ollama.OLLAMA_BASE_URLS[0] === 'http://ollama:11434', 'the Ollama connection to be saved');
    assert.equal(backend.state.ollama.ENABLE_OLLAMA_API, true);
    assert.equal(backend.state.ollama.OLLAMA_API_CONFIGS['0'].prefix_id, 'local');
    await page.getByText('llama3.2:latest').waitFor();
    await shot('14-admin-connections');

    await page.getByRole('tab', { name: 'Models' }).click();
    await page.getByLabel(`Available to users: ${MODEL.name}`).check();
    await eventually(() => backend.state.presets.get(MODEL.id)?.access_control === null, 'the model to be made public');

    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByLabel('Chunk size').fill('800');
    await page.getByLabel('Allowed file extensions (comma separated, empty = all)').fill('pdf, txt');
    await page.getByLabel('Hybrid search').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Document settings saved').waitFor();
    assert.equal(backend.state.retrieval.CHUNK_SIZE, 800);
    assert.deepEqual(backend.state.retrieval.ALLOWED_FILE_EXTENSIONS, ['pdf', 'txt']);
    assert.equal(backend.state.retrieval.ENABLE_RAG_HYBRID_SEARCH, true);
    assert.deepEqual(backend.state.retrieval.web, { ENABLE_WEB_SEARCH: false }, 'keys the page does not edit are sent back unchanged');

    await page.getByRole('tab', { name: 'General' }).click();
    await page.getByLabel('Allow new sign-ups').uncheck();
    await page.getByLabel('Default role for new users').selectOption('user');
    await page.getByRole('form', { name: 'General' }).getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Settings saved', { exact: true }).waitFor();
    assert.equal(backend.state.authConfig.ENABLE_SIGNUP, false);
    assert.equal(backend.state.authConfig.DEFAULT_USER_ROLE, 'user');
    await signOutVia('Back to chat');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign up' }).count(), 0, 'sign-up link hidden when sign-up is off');
  });

  test('phone width, once the admin made the model available: the sidebar becomes an overlay', async () => {
    await signIn('bob@example.com', 'bob-pass');
    await page.getByRole('heading', { name: 'Hello, Bob' }).waitFor();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.reload();
    await page.getByRole('button', { name: 'Open sidebar' }).waitFor();
    await shot('15-phone');
    await page.getByRole('button', { name: 'Open sidebar' }).click();
    await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
    await shot('16-phone-sidebar');
    // Bob's group grants prompts; models and knowledge stay admin-only; sharing is off by default now.
    await page.locator('nav .user').click();
    await page.getByRole('menuitem', { name: 'Prompts' }).waitFor();
    assert.equal(await page.getByRole('menuitem', { name: 'Models' }).count(), 0);
    assert.equal(await page.getByRole('menuitem', { name: 'Knowledge' }).count(), 0);
  });
});
