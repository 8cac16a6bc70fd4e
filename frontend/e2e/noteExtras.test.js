// Browser tests of the note editor's versions, generated title and recordings, against the STAND-IN backend.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.js';
import { startStandIn } from './stand-in-backend.js';
import { eventually, pageFor, signUp } from './support.js';

let backend;
let browser;
let ada;
let id;

const stored = () => backend.state.notes.get(id);
const md = () => stored().data?.content?.md;

before(async () => {
  backend = await startStandIn({ staticDir: new URL('../dist', import.meta.url).pathname });
  Object.assign(backend.state.authConfig, { ENABLE_NOTES: true });
  browser = await launchBrowser();
  ada = await pageFor(browser, backend, await signUp(backend, 'Ada Admin', 'ada@example.com'));
});

after(async () => {
  await browser?.close();
  await backend?.close();
});

async function newNote(text) {
  await ada.goto(`${backend.url}/notes`);
  await ada.getByRole('button', { name: 'New note' }).click();
  await ada.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
  id = new URL(ada.url()).pathname.split('/').pop();
  await ada.getByLabel('Note content', { exact: true }).click();
  await ada.keyboard.type(text);
  await eventually(() => md() === text, 'the note to be saved');
}

describe('note extras', () => {
  test('Enhance keeps the text before it as a version; the versions are browsed and saved in the stock shape', async () => {
    await newNote('buy milk');
    const body = ada.getByLabel('Note content', { exact: true });
    assert.equal(await ada.getByRole('group', { name: 'Versions' }).count(), 0, 'no versions yet');
    await ada.getByRole('button', { name: 'Enhance', exact: true }).click();
    const enhanced = '## Enhanced\n\n- [ ] buy milk';
    await eventually(async () => (await body.inputValue()) === enhanced, 'the enhanced note');
    await eventually(() => md() === enhanced && stored().data.versions?.length === 1, 'the enhanced note and its version to be saved');
    assert.deepEqual(stored().data.versions.map((v) => v.md), ['buy milk']);
    assert.match(stored().data.versions[0].html, /<p>buy milk<\/p>/);

    const versions = ada.getByRole('group', { name: 'Versions' });
    await versions.getByText('Latest').waitFor();
    await ada.getByRole('button', { name: 'Previous version' }).click();
    await eventually(async () => (await body.inputValue()) === 'buy milk', 'the older version shown');
    await versions.getByText('Version 1 of 2').waitFor();
    await eventually(() => md() === 'buy milk' && stored().data.versions.length === 2, 'the shown version and the versions to be saved');
    assert.deepEqual(stored().data.versions.map((v) => v.md), ['buy milk', enhanced], 'the live text kept as the newest version');

    await ada.getByRole('button', { name: 'Next version' }).click();
    await eventually(async () => (await body.inputValue()) === enhanced, 'back to the latest text');
    await versions.getByText('Latest').waitFor();
    await eventually(() => md() === enhanced, 'the latest text saved again');
    assert.ok(await ada.getByRole('button', { name: 'Next version' }).isDisabled());

    // the versions survive a reload (they are part of the note's data)
    await ada.reload();
    await ada.getByRole('group', { name: 'Versions' }).getByText('Latest').waitFor();
  });

  test('Generate title asks the picked model without streaming and saves its title', async () => {
    await newNote('Groceries for the week: milk, bread');
    await ada.getByRole('button', { name: 'Generate title' }).click();
    const title = ada.getByLabel('Note title');
    await eventually(async () => (await title.inputValue()) === '📝 Groceries notes', 'the generated title');
    await eventually(() => stored().title === '📝 Groceries notes', 'the title to be saved');
    const request = backend.state.titleCompletions.at(-1);
    assert.equal(request.stream, false);
    assert.match(request.messages[0].content, /<notes>\nGroceries for the week: milk, bread\n<\/notes>$/);
  });

  test('a recording of the microphone or of a tab is attached as an audio file, uploaded for transcription; a cancelled one is not', async () => {
    await newNote('meeting');
    await ada.getByRole('button', { name: 'Record', exact: true }).click();
    await ada.getByText(/^Recording 0:0[1-9]$/).waitFor();
    await ada.getByRole('button', { name: 'Stop recording' }).click();
    const link = ada.getByRole('link', { name: /^Recording \d{4}-\d\d-\d\d \d\d-\d\d\.webm$/ });
    await link.waitFor();
    await eventually(() => stored().data.files?.length === 1, 'the recording to be saved with the note');
    const [file] = stored().data.files;
    assert.equal(file.type, 'file');
    const uploaded = backend.state.files.get(file.id);
    assert.equal(uploaded.meta.content_type, 'audio/webm', 'uploaded as audio, which file-service transcribes');

    await ada.getByRole('button', { name: 'Record', exact: true }).click();
    await ada.getByRole('button', { name: 'Cancel recording' }).click();
    await ada.getByRole('button', { name: 'Record', exact: true }).waitFor();
    assert.equal(stored().data.files.length, 1, 'a cancelled recording is not attached');

    // a tab's (here: the whole screen's, what headless chromium shares) sound is recorded the same way
    await ada.getByRole('button', { name: 'Record a tab' }).click();
    await ada.getByText(/^Recording 0:0[1-9]$/).waitFor();
    await ada.getByRole('button', { name: 'Stop recording' }).click();
    await eventually(() => stored().data.files?.length === 2, 'the tab recording to be saved with the note');
    assert.equal(backend.state.files.get(stored().data.files[1].id).meta.content_type, 'audio/webm');
  });
});
