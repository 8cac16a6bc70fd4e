// Browser tests of the note editor's formatting, rich-text mode, files and Enhance: two users in two
// browser contexts co-editing one note live over Socket.IO, against the STAND-IN backend.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { newNote, notesSuite, shareWithBob } from './notesSupport.js';
import { eventually } from './support.js';

const suite = notesSuite();
let backend;
let ada;
let bob;
let bobUser;
let id;

const stored = () => backend.state.notes.get(id);
const md = () => stored().data?.content?.md;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('note formatting', () => {
  // The suite is started by the file's first hook, before this one.
  before(() => ({ backend, ada, bob, bobUser } = suite));

  test('toolbar and shortcuts format the Markdown; a rich-text co-editor formats live with it', async () => {
    id = await newNote(ada, backend);
    await shareWithBob(ada, 'write');
    await eventually(() => stored().access_control?.write?.user_ids?.includes(bobUser.id), 'write access to be saved');
    await ada.getByRole('button', { name: 'Access' }).click();

    const adaBody = ada.getByLabel('Note content', { exact: true });
    await adaBody.click();
    await ada.keyboard.type('Budget');
    await ada.keyboard.press('Control+a');
    await ada.getByRole('button', { name: 'Bold' }).click();
    assert.equal(await adaBody.inputValue(), '**Budget**');
    await eventually(() => md() === '**Budget**', 'the bold text to be saved');
    assert.match(stored().data.content.html, /<strong>Budget<\/strong>/, 'stored html for the stock UI');

    // Bob opens it in rich-text mode: he sees the formatting, not the marks.
    await bob.goto(`${backend.url}/notes/${id}`);
    await bob.getByRole('button', { name: 'Rich text' }).click();
    const bobRich = bob.getByRole('textbox', { name: 'Note content (rich text)' });
    await bobRich.locator('strong', { hasText: 'Budget' }).waitFor();
    assert.equal((await bobRich.textContent()).trim(), 'Budget');
    await ada.getByLabel('Also editing').getByTitle('Bob Builder').waitFor();

    // Bob adds a task line with the toolbar while Ada makes the first line a heading with a shortcut.
    await bobRich.click();
    await bob.keyboard.press('Control+End');
    // Typing after bold text stays bold, as in any rich-text editor, until Ctrl+B turns it off.
    await bob.keyboard.press('Control+b');
    await bob.keyboard.type(' review');
    await bob.keyboard.press('Enter');
    await bob.keyboard.type('call Alice');
    await bob.getByRole('button', { name: 'Task list' }).click();
    await adaBody.click();
    await ada.keyboard.press('Control+Home');
    await ada.keyboard.press('Control+Alt+1');
    const expected = '# **Budget** review\n\n- [ ] call Alice';
    await eventually(async () => (await adaBody.inputValue()) === expected, `Ada to see ${JSON.stringify(expected)}`);
    await bobRich.locator('h1', { hasText: 'Budget review' }).waitFor();
    await eventually(() => md() === expected, 'the merged text to be saved');
    assert.match(stored().data.content.html, /<h1>/);

    // Ticking the box in rich text is an edit both see.
    await bobRich.locator('input[type=checkbox]').click();
    await eventually(async () => (await adaBody.inputValue()) === '# **Budget** review\n\n- [x] call Alice', 'the ticked box to reach Ada');
    await eventually(() => md().endsWith('- [x] call Alice'), 'the ticked box to be saved');

    // The mode is remembered: Bob's next visit opens rich text again.
    await bob.reload();
    await bob.getByRole('textbox', { name: 'Note content (rich text)' }).locator('h1').waitFor();
    assert.equal(await bob.getByRole('button', { name: 'Rich text' }).getAttribute('aria-pressed'), 'true');
  });

  test('files are attached, shown and removed; Enhance streams a better note to both editors', async () => {
    const input = ada.getByLabel('Attach files');
    await input.setInputFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('decisions of the meeting') });
    await ada.getByRole('link', { name: 'minutes.txt' }).waitFor();
    await input.setInputFiles({ name: 'chart.png', mimeType: 'image/png', buffer: PNG });
    await ada.getByRole('img', { name: 'Image' }).waitFor();
    await eventually(() => stored().data.files?.length === 2, 'both files to be saved');
    const [doc, image] = stored().data.files;
    assert.deepEqual([doc.type, doc.name, doc.status, doc.url], ['file', 'minutes.txt', 'uploaded', `/api/v1/files/${doc.id}`]);
    assert.ok(backend.state.files.has(doc.id), 'uploaded through file-service');
    assert.equal(image.type, 'image');
    assert.match(image.url, /^data:image\//);
    assert.equal(md(), '# **Budget** review\n\n- [x] call Alice', 'files do not touch the text');

    await ada.getByRole('button', { name: 'Remove Image' }).click();
    await eventually(() => stored().data.files?.length === 1 && stored().data.files[0].type === 'file', 'the image to be removed');
    assert.equal(await ada.getByRole('img', { name: 'Image' }).count(), 0);

    await ada.getByRole('button', { name: 'Enhance', exact: true }).click();
    const enhanced = '## Enhanced\n\n- [ ] # **Budget** review\n- [ ] call Alice\n\nContext: minutes.txt:';
    const adaBody = ada.getByLabel('Note content', { exact: true });
    await eventually(async () => (await adaBody.inputValue()) === enhanced, 'the enhanced note in Ada\'s editor');
    await bob.getByRole('textbox', { name: 'Note content (rich text)' }).locator('h2', { hasText: 'Enhanced' }).waitFor();
    await eventually(() => md() === enhanced, 'the enhanced note to be saved');
    const request = backend.state.sseCompletions.at(-1);
    assert.equal(request.stream, true);
    assert.equal(request.session_id, undefined, 'streamed over HTTP, not the socket');
    assert.equal(request.messages[0].role, 'system');
    assert.match(request.messages[1].content, /^<notes>\n# \*\*Budget\*\* review\n\n- \[x\] call Alice\n<\/notes>\n<context>\nminutes\.txt:\nExtracted text of minutes\.txt\n<\/context>$/);
    await ada.getByRole('button', { name: 'Enhance', exact: true }).waitFor();

    // Ctrl+K makes a link of the selection; a bare host name becomes an https link.
    await adaBody.click();
    await ada.keyboard.press('Control+End');
    await ada.keyboard.type('\nsee docs');
    for (let i = 0; i < 4; i++) await ada.keyboard.press('Shift+ArrowLeft');
    ada.once('dialog', (d) => d.accept('example.com/guide'));
    await ada.keyboard.press('Control+k');
    await eventually(() => md().endsWith('\nsee [docs](https://example.com/guide)'), 'the link to be saved');
    assert.equal(await ada.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Note content', 'the app-wide Ctrl+K (search) did not take the focus');
  });

  test('Stop ends Enhance: the text received so far stays and is saved', async () => {
    id = await newNote(ada, backend);
    const body = ada.getByLabel('Note content', { exact: true });
    await body.click();
    await ada.keyboard.type('think slowly about lunch');
    await eventually(() => md() === 'think slowly about lunch', 'the note to be saved');
    await ada.getByRole('button', { name: 'Enhance', exact: true }).click();
    await eventually(async () => (await body.inputValue()).startsWith('## '), 'the first piece');
    assert.equal(await body.getAttribute('readonly'), '', 'read-only while the model writes');
    await ada.getByRole('button', { name: 'Stop', exact: true }).click();
    await ada.getByRole('button', { name: 'Enhance', exact: true }).waitFor();
    const kept = await body.inputValue();
    const full = '## Enhanced\n\n- [ ] think slowly about lunch';
    assert.ok(full.startsWith(kept) && kept.length < full.length, `a part of the answer: ${JSON.stringify(kept)}`);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(await body.inputValue(), kept, 'nothing arrives after Stop');
    await eventually(() => md() === kept, 'the partial text to be saved');
    assert.equal(await body.getAttribute('readonly'), null, 'editable again');
  });

  test('a reader gets no toolbar, Enhance or file controls, and cannot type in rich text', async () => {
    await shareWithBob(ada);
    await eventually(() => stored().access_control?.read?.user_ids?.includes(bobUser.id), 'read access to be saved');
    assert.ok(!stored().access_control.write?.user_ids?.includes(bobUser.id), 'read only');
    await ada.getByLabel('Attach files').setInputFiles({ name: 'menu.txt', mimeType: 'text/plain', buffer: Buffer.from('soup') });
    await eventually(() => stored().data.files?.length === 1, 'the file to be saved');

    await bob.goto(`${backend.url}/notes/${id}`);
    const rich = bob.getByRole('textbox', { name: 'Note content (rich text)' });
    await rich.locator('h2', { hasText: 'Enhanced' }).waitFor();
    await bob.getByRole('link', { name: 'menu.txt' }).waitFor();
    assert.equal(await bob.getByRole('toolbar', { name: 'Formatting' }).count(), 0);
    assert.equal(await bob.getByRole('button', { name: 'Enhance', exact: true }).count(), 0);
    assert.equal(await bob.getByLabel('Attach files').count(), 0);
    assert.equal(await bob.getByRole('button', { name: 'Remove menu.txt' }).count(), 0);
    assert.equal(await rich.getAttribute('contenteditable'), 'false');
    const before = md();
    await rich.click();
    await bob.keyboard.type('vandal');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(md(), before);
    assert.doesNotMatch(await rich.textContent(), /vandal/);
  });
});
