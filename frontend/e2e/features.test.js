// Browser tests of the chat features added on top of the basics (follow-ups, rich Markdown and
// maths, images for vision models, ...), each in its own signed-in page against the stand-in.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.js';
import { SECOND_MODEL, startStandIn } from './stand-in-backend.js';
import { eventually, pageFor, signUp } from './support.js';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

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

describe('rich Markdown and maths', () => {
  test('maths, task lists, user Markdown and code blocks with line numbers, collapse and copy; KaTeX only when needed', async () => {
    const page = await openPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: backend.url });
    const assets = [];
    page.on('request', (r) => assets.push(new URL(r.url()).pathname));
    const katexLoaded = () => assets.some((a) => /\/assets\/katex-[\w-]+\.js$/.test(a));

    await ask(page, 'a plain question');
    assert.equal(katexLoaded(), false, 'no maths, no KaTeX');

    await page.getByRole('button', { name: 'New Chat', exact: true }).click();
    await ask(page, 'show **rich** output for $x^2$');
    const user = page.getByTestId('user-message');
    await user.locator('.bubble strong', { hasText: 'rich' }).waitFor();
    await user.locator('.bubble math').waitFor();

    const answer = page.getByTestId('assistant-message');
    await answer.locator('math[display="block"] mfrac').waitFor();
    assert.ok(katexLoaded(), 'KaTeX was fetched for the maths');
    assert.equal(await answer.locator('math').count(), 2, 'one inline, one display; prices stay text');
    assert.match(await answer.innerText(), /Prices like \$5 and \$10 stay text\./);
    assert.equal(await answer.locator('.math-pending').count(), 0);

    const boxes = answer.getByRole('checkbox');
    assert.equal(await boxes.count(), 2);
    assert.deepEqual([await boxes.nth(0).getAttribute('aria-checked'), await boxes.nth(1).getAttribute('aria-checked')], ['true', 'false']);

    const block = answer.locator('.code-block');
    await block.locator('code.language-js .hljs-keyword').first().waitFor();
    assert.equal(await block.locator('.line-numbers').innerText(), '1\n2\n3');
    await block.getByRole('button', { name: 'Collapse' }).click();
    await block.locator('pre').first().waitFor({ state: 'hidden' });
    assert.equal(await block.getByRole('button', { name: 'Expand' }).getAttribute('aria-expanded'), 'false');
    await block.getByRole('button', { name: 'Expand' }).click();
    await block.locator('code').waitFor({ state: 'visible' });
    await block.getByRole('button', { name: 'Copy' }).click();
    await eventually(async () => (await page.evaluate(() => navigator.clipboard.readText())) === 'const a = 1;\nconst b = 2;\nconst c = a + b;', 'the code (without line numbers) on the clipboard');

    await page.screenshot({ path: `${ARTIFACTS}20-rich-markdown.png` });
    await page.reload();
    await answer.locator('math[display="block"]').waitFor();
    await user.locator('.bubble math').waitFor();
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
});

describe('images for vision models', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

  test('an uploaded and a pasted image go to the model as image_url parts and stay in the chat', async () => {
    const page = await openPage();
    const uploadsBefore = backend.state.calls.filter((c) => c.startsWith('POST /api/v1/files')).length;
    await page.getByLabel('Upload files').setInputFiles([{ name: 'photo.png', mimeType: 'image/png', buffer: PNG }]);
    const chips = page.getByLabel('Attachments');
    await chips.locator('img.thumb').waitFor();

    // A screenshot pasted into the message box is attached too; pasted text would stay text.
    await page.getByLabel('Message', { exact: true }).evaluate((area, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PNG.toString('base64'));
    await eventually(async () => (await chips.locator('img.thumb').count()) === 2, 'the pasted image to be attached');

    await ask(page, 'what is in these pictures');
    const asked = backend.state.lastCompletion.messages.at(-1);
    assert.equal(asked.role, 'user');
    assert.deepEqual(asked.content.map((p) => p.type), ['text', 'image_url', 'image_url']);
    assert.equal(asked.content[0].text, 'what is in these pictures');
    for (const part of asked.content.slice(1)) assert.match(part.image_url.url, /^data:image\/png;base64,iVBORw0KGgo/);
    assert.equal(backend.state.lastCompletion.files, undefined, 'images are not sent as documents');
    assert.equal(backend.state.calls.filter((c) => c.startsWith('POST /api/v1/files')).length, uploadsBefore, 'images are not uploaded as files');
    await page.getByTestId('assistant-message').getByText('Images seen: 2').waitFor();
    assert.equal(await page.getByTestId('user-message').getByRole('img').count(), 2);

    await page.reload();
    await page.getByTestId('user-message').getByRole('img', { name: 'Attached image 2' }).waitFor();
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });

  test('a model without vision refuses images with a message', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: 'Select a model' }).click();
    await page.getByRole('option', { name: /Second Model/ }).click();
    await page.getByLabel('Upload files').setInputFiles([{ name: 'photo.png', mimeType: 'image/png', buffer: PNG }]);
    await page.getByText('The selected model does not support images').waitFor();
    assert.equal(await page.getByLabel('Attachments').count(), 0);
    await page.context().close();
  });
});

describe('chat files and the chat menu', () => {
  test('the header menu downloads JSON, TXT and PDF, shares and revokes, clones and deletes; the JSON imports again', async () => {
    const page = await openPage();
    const assets = [];
    page.on('request', (r) => assets.push(new URL(r.url()).pathname));
    const pdfLibraryLoaded = () => assets.some((a) => /\/assets\/jspdf[\w.-]*\.js$/.test(a));
    await ask(page, 'export me please');
    await page.getByRole('heading', { name: 'Export me please' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop();
    const menu = async (item) => {
      await page.getByRole('button', { name: 'Chat menu' }).click();
      await page.getByRole('menuitem', { name: item, exact: true }).click();
    };
    const download = async (item) => {
      const [file] = await Promise.all([page.waitForEvent('download'), menu(item)]);
      return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
    };

    const json = await download('Download JSON');
    const exported = JSON.parse(json.body.toString());
    assert.deepEqual(exported.map((c) => c.id), [id]);
    assert.equal(exported[0].chat.history.messages[exported[0].chat.history.currentId].role, 'assistant');
    const txt = await download('Download TXT');
    assert.equal(txt.name, 'chat-Export me please.txt');
    assert.match(txt.body.toString(), /^### USER\nexport me please\n\n### ASSISTANT\nYou said: \*\*export me please\*\*/);
    assert.equal(pdfLibraryLoaded(), false, 'jsPDF is not fetched before a PDF is asked for');
    const pdf = await download('Download PDF');
    assert.equal(pdf.name, 'chat-Export me please.pdf');
    assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdfLibraryLoaded());

    await menu('Share');
    await page.getByText(/Share link copied/).waitFor();
    const shareId = backend.state.chats.get(id).share_id;
    assert.ok(shareId);
    await menu('Revoke share link');
    await page.getByText('Share link revoked').waitFor();
    assert.equal(backend.state.chats.get(id).share_id, null);
    const shared = await fetch(`${backend.url}/api/v1/chats/share/${shareId}`, { headers: { Authorization: `Bearer ${session.token}` } });
    assert.equal(shared.status, 404, 'the old link no longer opens');

    await menu('Clone');
    await page.getByRole('heading', { name: 'Clone of Export me please' }).waitFor();
    const cloneId = new URL(page.url()).pathname.split('/').pop();
    assert.notEqual(cloneId, id);
    assert.match(await page.getByTestId('assistant-message').innerText(), /You said: export me please/);

    await page.getByRole('link', { name: 'Export me please', exact: true }).click();
    await page.getByRole('heading', { name: 'Export me please' }).waitFor();
    await menu('Delete');
    await page.getByRole('dialog', { name: 'Delete chat?' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`${backend.url}/`);
    await page.getByRole('link', { name: 'Export me please', exact: true }).waitFor({ state: 'detached' });
    assert.equal(backend.state.chats.has(id), false);

    await page.locator('nav .user').click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('tab', { name: 'Data controls' }).click();
    await dialog.getByLabel('Chat export file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.body });
    await page.getByText('Imported 1 chat').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Export me please', exact: true }).click();
    await page.getByRole('heading', { name: 'Export me please' }).waitFor();
    assert.match(await page.getByTestId('assistant-message').innerText(), /You said: export me please/);
    const imported = [...backend.state.chats.values()].find((c) => c.title === 'Export me please');
    assert.notEqual(imported.id, id, 'imported as a new chat');
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
});

describe('admin: day-two work', () => {
  test('an admin adds a user, who signs in; then renames her and resets her password', async () => {
    const page = await openPage();
    await page.goto(`${backend.url}/admin`);
    await page.getByRole('button', { name: 'Add user' }).click();
    const add = page.getByRole('form', { name: 'Add user' });
    await add.getByLabel('Name').fill('Carol Added');
    await add.getByLabel('Email').fill('carol@example.com');
    await add.getByLabel('Password').fill('first-pass');
    await add.getByLabel('Role').selectOption('user');
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Carol Added was added').waitFor();
    await page.getByRole('cell', { name: 'carol@example.com' }).waitFor();
    const carol = () => backend.state.users.find((u) => u.name.startsWith('Carol'));
    assert.deepEqual([carol().email, carol().role, carol().password], ['carol@example.com', 'user', 'first-pass']);

    await page.getByRole('button', { name: 'Edit Carol Added' }).click();
    const edit = page.getByRole('form', { name: 'Edit user' });
    await edit.getByLabel('Name').fill('Carol Renamed');
    await edit.getByLabel('New password').fill('second-pass');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Carol Renamed was saved with the new password').waitFor();
    await page.getByRole('cell', { name: 'Carol Renamed', exact: true }).waitFor();
    assert.deepEqual([carol().name, carol().role, carol().password], ['Carol Renamed', 'user', 'second-pass']);

    const signIn = await fetch(`${backend.url}/api/v1/auths/signin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'carol@example.com', password: 'second-pass' }) });
    assert.equal(signIn.status, 200, 'she signs in with the new password');
    await page.context().close();
  });
});

describe('admin: tasks and feedback', () => {
  test('task switches and the task model are saved; the feedback users gave is listed and can be deleted', async () => {
    const page = await openPage();
    await ask(page, 'rate this answer');
    await page.getByTestId('assistant-message').getByRole('button', { name: 'Bad response' }).click();
    const details = page.getByRole('form', { name: 'Rating details' });
    await details.getByRole('button', { name: 'Not factual' }).click();
    await details.getByLabel('Feedback comment').fill('Wrong year');
    await details.getByRole('button', { name: 'Submit' }).click();
    await details.waitFor({ state: 'detached' });

    await page.goto(`${backend.url}/admin`);
    await page.getByRole('tab', { name: 'Tasks' }).click();
    const tasks = page.getByRole('form', { name: 'Tasks' });
    await tasks.getByLabel('Suggest follow-up questions').uncheck();
    await tasks.getByLabel('Task model (external models)').selectOption(SECOND_MODEL.id);
    await tasks.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Task settings saved').waitFor();
    assert.equal(backend.state.taskConfig.ENABLE_FOLLOW_UP_GENERATION, false);
    assert.equal(backend.state.taskConfig.TASK_MODEL_EXTERNAL, SECOND_MODEL.id);
    assert.equal(backend.state.taskConfig.ENABLE_TITLE_GENERATION, true, 'unchanged switches stay');
    assert.equal(backend.state.taskConfig.TOOLS_FUNCTION_CALLING_PROMPT_TEMPLATE, '', 'keys the tab does not show go back unchanged');

    await page.getByRole('tab', { name: 'Feedback' }).click();
    const table = page.getByRole('table', { name: 'Feedback' });
    const row = table.getByRole('row').filter({ hasText: 'Wrong year' });
    await row.waitFor();
    assert.match(await row.innerText(), /Bad[\s\S]*stand-in\/model:1[\s\S]*Ada Admin[\s\S]*Not factual[\s\S]*Wrong year/);
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
    assert.match(exported.suggestedFilename(), /^feedback-history-export-\d+\.json$/);
    const history = JSON.parse(readFileSync(await exported.path(), 'utf8'));
    assert.equal(history.length, 1);
    assert.equal(history[0].data.comment, 'Wrong year');
    assert.ok(history[0].snapshot?.chat?.history, 'the export carries the chat snapshot');
    await row.getByRole('button', { name: 'Delete feedback of Ada Admin' }).click();
    await row.waitFor({ state: 'detached' });
    assert.equal(backend.state.feedbacks.size, 0);
    await page.context().close();
  });
});

describe('admin: model settings', () => {
  test('a model is renamed, described, given parameters, hidden from the picker, and the order is saved', async () => {
    const page = await openPage();
    await page.goto(`${backend.url}/admin`);
    await page.getByRole('tab', { name: 'Models' }).click();
    await page.getByRole('button', { name: `Edit ${SECOND_MODEL.name}` }).click();
    const form = page.getByRole('form', { name: 'Model settings' });
    await form.getByLabel('Name').fill('Helpful Second');
    await form.getByLabel('Description').fill('Small and quick');
    await form.getByLabel('System prompt').fill('Be brief.');
    await form.getByLabel('Temperature').fill('3');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').getByText(/Temperature is a number from 0 to 2/).waitFor();
    await form.getByLabel('Temperature').fill('0.2');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Helpful Second saved').waitFor();
    const preset = backend.state.presets.get(SECOND_MODEL.id);
    assert.equal(preset.name, 'Helpful Second');
    assert.equal(preset.meta.description, 'Small and quick');
    assert.deepEqual(preset.params, { system: 'Be brief.', temperature: 0.2 });
    assert.deepEqual(preset.access_control, {}, 'editing does not make a model available to users');

    const models = page.getByRole('list', { name: 'Models' });
    await models.getByRole('button', { name: 'Move Helpful Second up' }).click();
    await page.getByRole('button', { name: 'Save order' }).click();
    await page.getByText('Model order saved').waitFor();
    assert.deepEqual(backend.state.modelOrder, [SECOND_MODEL.id, 'stand-in/model:1']);

    await page.getByRole('button', { name: 'Edit Helpful Second' }).click();
    await form.getByLabel('Hidden from the model picker').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Helpful Second saved').first().waitFor();
    await eventually(() => backend.state.presets.get(SECOND_MODEL.id).meta.hidden === true, 'the model to be hidden');
    await page.getByRole('button', { name: 'Back to chat' }).click();
    await page.getByRole('button', { name: 'Select a model' }).click();
    await page.getByRole('option', { name: /Stand-in Model/ }).waitFor();
    assert.equal(await page.getByRole('option', { name: /Helpful Second/ }).count(), 0, 'hidden from the picker');
    await page.context().close();
  });
});

describe('settings: profile picture and data controls', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

  test('a profile picture is uploaded; all chats are archived, then all deleted', async () => {
    const page = await openPage();
    await ask(page, 'keep me around');
    const me = () => backend.state.users.find((u) => u.id === session.id);
    await page.locator('nav .user').click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('tab', { name: 'Account' }).click();
    await dialog.getByLabel('Profile picture file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('Profile updated').waitFor();
    assert.match(me().profile_image_url, /^data:image\/png;base64,/);
    await eventually(async () => (await page.locator('nav .user img').getAttribute('src')) === me().profile_image_url, 'the sidebar to show the new picture');

    await dialog.getByRole('tab', { name: 'Data controls' }).click();
    await dialog.getByRole('button', { name: 'Archive all chats' }).click();
    await page.getByRole('dialog', { name: 'Archive all chats?' }).getByRole('button', { name: 'Archive all' }).click();
    await page.getByText('All chats archived').waitFor();
    const mine = () => [...backend.state.chats.values()].filter((c) => c.user_id === session.id);
    assert.ok(mine().length > 0 && mine().every((c) => c.archived));
    await page.getByRole('link', { name: 'Keep me around' }).waitFor({ state: 'detached' });

    await dialog.getByRole('button', { name: 'Delete all chats' }).click();
    await page.getByRole('dialog', { name: 'Delete all chats?' }).getByRole('button', { name: 'Delete all' }).click();
    await page.getByText('All chats deleted').waitFor();
    assert.equal(mine().length, 0);
    await page.context().close();
  });
});

describe('settings: memory', () => {
  test('memories are added, edited and deleted; with memory on, completions ask for it', async () => {
    const page = await openPage();
    await page.locator('nav .user').click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('tab', { name: 'Personalization' }).click();
    await dialog.getByLabel('Let models use my memories').check();
    await eventually(() => backend.state.users.find((u) => u.id === session.id).settings?.ui?.memory === true, 'memory to be switched on');
    for (const text of ['I live in Lyon', 'I prefer short answers']) {
      await dialog.getByLabel('New memory').fill(text);
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('Memory added').first().waitFor();
      await dialog.getByRole('list', { name: 'Memories' }).getByText(text).waitFor();
    }
    await dialog.getByRole('button', { name: 'Edit memory I live in Lyon' }).click();
    await dialog.getByLabel('Edit memory', { exact: true }).fill('I live in Paris');
    await page.keyboard.press('Enter');
    await dialog.getByRole('list', { name: 'Memories' }).getByText('I live in Paris').waitFor();
    await dialog.getByRole('button', { name: 'Delete memory I prefer short answers' }).click();
    await dialog.getByRole('list', { name: 'Memories' }).getByText('I prefer short answers').waitFor({ state: 'detached' });
    assert.deepEqual([...backend.state.memories.values()].map((m) => m.content), ['I live in Paris']);
    await page.keyboard.press('Escape');

    await ask(page, 'what do you remember');
    assert.equal(backend.state.lastCompletion.features.memory, true);
    await page.context().close();
  });
});

describe('folders', () => {
  test('a new folder takes the keyboard: typing names it and Enter saves it without making another; chats move by menu', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: 'New folder' }).click();
    const box = page.getByLabel('Folder name');
    await box.waitFor();
    await eventually(() => box.evaluate((el) => el === document.activeElement), 'the name box to have the focus');
    await page.keyboard.type('Projects');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Projects', exact: true }).waitFor();
    await page.waitForTimeout(300); // a second folder would have been asked for by now
    const mine = [...backend.state.folders.values()].filter((f) => f.user_id === session.id);
    assert.deepEqual(mine.map((f) => f.name), ['Projects']);

    // "Move to folder" from the chat's menu, no dragging needed (phones, keyboards)
    await ask(page, 'file me away');
    const id = new URL(page.url()).pathname.split('/').pop();
    await page.getByRole('link', { name: 'File me away', exact: true }).hover();
    await page.getByRole('button', { name: 'Chat options for File me away', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Move to folder' }).click();
    await page.getByRole('dialog').getByRole('group', { name: 'Folders' }).getByRole('button', { name: 'Projects' }).click();
    await page.getByText('Moved to Projects').waitFor();
    assert.equal(backend.state.chats.get(id).folder_id, mine[0].id);
    await page.getByRole('group', { name: 'Folder Projects' }).getByRole('link', { name: 'File me away' }).waitFor();
    await page.context().close();
  });
});

describe('keyboard', () => {
  test('the message box has the focus on load; shortcuts open a new chat, toggle the sidebar, focus the box and copy the answer', async () => {
    const page = await openPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: backend.url });
    const boxFocused = () => page.evaluate(() => document.activeElement?.id === 'chat-input');
    await eventually(boxFocused, 'the message box to have the focus after load');
    await page.keyboard.type('typed right away');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 15000 });

    await page.keyboard.press('Control+Shift+C');
    await eventually(async () => (await page.evaluate(() => navigator.clipboard.readText())).startsWith('You said: **typed right away**'), 'the answer on the clipboard');

    await page.getByPlaceholder('Search').focus();
    await page.keyboard.press('Shift+Escape');
    assert.equal(await boxFocused(), true);

    await page.keyboard.press('Control+Shift+S');
    await page.getByRole('button', { name: 'Open sidebar' }).first().waitFor();
    await page.keyboard.press('Control+Shift+S');
    await page.getByPlaceholder('Search').waitFor();

    await page.keyboard.press('Control+Shift+O');
    await page.waitForURL(`${backend.url}/`);
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();
    await eventually(boxFocused, 'the message box to have the focus in the new chat');
    await page.context().close();
  });
});

describe('phone width', () => {
  test('at 390 px the model name is readable and opening a chat from the sidebar closes it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    await context.addInitScript((t) => localStorage.setItem('token', t), session.token);
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    await page.goto(`${backend.url}/`);
    await page.getByRole('button', { name: 'Open sidebar' }).first().waitFor();
    await ask(page, 'a chat on the phone with a long enough title');
    const name = page.getByRole('button', { name: 'Select a model' }).locator('span').first();
    const fits = () => name.evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth > 60);
    assert.equal(await fits(), true, 'the model name is not cut (tags and title make room)');
    assert.equal((await name.innerText()).trim(), 'Stand-in Model');

    await page.getByRole('button', { name: 'Open sidebar' }).first().click();
    await page.getByRole('link', { name: 'A chat on the', exact: false }).click();
    await page.getByRole('button', { name: 'Close sidebar' }).first().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Open sidebar' }).first().waitFor();
    assert.equal(await fits(), true);
    await page.context().close();
  });
});
