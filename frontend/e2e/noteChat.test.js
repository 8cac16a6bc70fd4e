// Browser tests of the note editor's chat panel against the STAND-IN backend: questions about the note,
// answers inserted into it, the model editing it, Stop, and what a reader gets.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newNote, notesSuite, shareWithBob } from './notesSupport.js';
import { eventually } from './support.js';

const suite = notesSuite();
let id;
const stored = () => suite.backend.state.notes.get(id);
const md = () => stored().data?.content?.md;
const NOTE = 'Budget for Q3\n- rent';
const ANSWER = 'You asked **What is it about?**. The note begins with: Budget for Q3';

const panelOf = (page) => page.getByRole('complementary', { name: 'Note chat' });

async function send(page, text) {
  const box = panelOf(page).getByLabel('Message about the note');
  await box.fill(text);
  await box.press('Enter');
}

describe('note chat', () => {
  test('a question about the note is answered in the panel, with the note sent in <notes>', async () => {
    id = await newNote(suite.ada, suite.backend);
    const body = suite.ada.getByLabel('Note content', { exact: true });
    await body.click();
    await suite.ada.keyboard.type(NOTE);
    await eventually(() => md() === NOTE, 'the note to be saved');

    const toggle = suite.ada.getByRole('button', { name: 'Chat', exact: true });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const panel = panelOf(suite.ada);
    // Shift+Enter is a new line, not a send.
    const box = panel.getByLabel('Message about the note');
    await box.fill('What is it');
    await box.press('Shift+Enter');
    assert.equal(await box.inputValue(), 'What is it\n');
    const before = suite.backend.state.sseCompletions?.length ?? 0;
    await send(suite.ada, 'What is it about?');
    await panel.locator('.answer', { hasText: 'The note begins with: Budget for Q3' }).waitFor();
    await panel.getByRole('button', { name: 'Insert into note' }).waitFor();
    assert.equal(await panel.locator('.answer strong').textContent(), 'What is it about?', 'the answer is rendered as Markdown');
    assert.equal(await box.inputValue(), '');

    assert.equal(suite.backend.state.sseCompletions.length, before + 1);
    const request = suite.backend.state.sseCompletions.at(-1);
    assert.equal(request.stream, true);
    assert.equal(request.session_id, undefined, 'streamed over HTTP, not the socket');
    assert.deepEqual(request.messages.map((m) => m.role), ['system', 'user']);
    assert.match(request.messages[0].content, /questions/);
    assert.match(request.messages[0].content, /<notes>\nBudget for Q3\n- rent\n<\/notes>$/);
    assert.equal(request.messages[1].content, 'What is it about?');
    assert.equal(request.model, await suite.ada.locator('#enhance-model').inputValue(), 'the editor\'s model');
    assert.equal(await body.inputValue(), NOTE, 'asking does not change the note');
  });

  test('Insert appends the answer to the note, and it is saved', async () => {
    await panelOf(suite.ada).getByRole('button', { name: 'Insert into note' }).click();
    const expected = `${NOTE}\n\n${ANSWER}`;
    await eventually(async () => (await suite.ada.getByLabel('Note content', { exact: true }).inputValue()) === expected, 'the answer in the editor');
    await eventually(() => md() === expected, 'the note with the answer to be saved');
  });

  test('in edit mode the model rewrites the note, which is saved; the switch is remembered', async () => {
    const panel = panelOf(suite.ada);
    const before = md();
    const edit = panel.getByRole('switch', { name: 'Edit the note' });
    assert.equal(await edit.isChecked(), false);
    await edit.check();
    assert.equal(await suite.ada.evaluate(() => localStorage.getItem('noteChatEdit')), 'true');
    await send(suite.ada, 'Add a title');
    await panel.getByText('Edited', { exact: true }).waitFor();
    const expected = `# Edited: Add a title\n\n${before}`;
    await eventually(async () => (await suite.ada.getByLabel('Note content', { exact: true }).inputValue()) === expected, 'the edited note in the editor');
    await eventually(() => md() === expected, 'the edited note to be saved');
    assert.equal(await panel.getByRole('button', { name: 'Insert into note' }).count(), 1, 'only the answer has Insert');

    const request = suite.backend.state.sseCompletions.at(-1);
    assert.match(request.messages[0].content, /whole edited notes only/);
    assert.deepEqual(request.messages.map((m) => m.role), ['system', 'user', 'assistant', 'user'], 'the conversation so far goes along');
    assert.equal(request.messages[2].content, ANSWER);
    assert.equal(request.messages.at(-1).content, 'Add a title');

    await suite.ada.reload();
    await suite.ada.getByRole('button', { name: 'Chat', exact: true }).click();
    assert.equal(await panelOf(suite.ada).getByRole('switch', { name: 'Edit the note' }).isChecked(), true, 'remembered in this browser');
    assert.equal(await panelOf(suite.ada).locator('li.user').count(), 0, 'messages last only while the editor is open');
  });

  test('in edit mode with a part of the note selected, only that part is rewritten; the note before is kept as a version', async () => {
    const panel = panelOf(suite.ada);
    const body = suite.ada.getByLabel('Note content', { exact: true });
    const before = md();
    const part = '- rent';
    const start = before.indexOf(part);
    await body.click();
    await body.evaluate((el, [a, b]) => {
      el.setSelectionRange(a, b);
      el.dispatchEvent(new Event('select'));
    }, [start, start + part.length]);
    const versionsBefore = stored().data.versions?.length ?? 0;
    await send(suite.ada, 'Capitalise it');
    await panel.getByText(`About the selection: ${part}`).waitFor();
    const expected = before.slice(0, start) + part.toUpperCase() + before.slice(start + part.length);
    await eventually(async () => (await body.inputValue()) === expected, 'only the selection rewritten in the editor');
    await eventually(() => md() === expected && stored().data.versions?.at(-1)?.md === before, 'the edit and the version before it to be saved');
    assert.equal(stored().data.versions.length, versionsBefore + 1);
    const request = suite.backend.state.sseCompletions.at(-1);
    assert.match(request.messages[0].content, /<selection>\n- rent\n<\/selection>$/);
    assert.match(request.messages[0].content, /new text of that part only/);
  });

  test('Stop ends a slow answer: what came so far stays, nothing more arrives', async () => {
    const panel = panelOf(suite.ada);
    await panel.getByRole('switch', { name: 'Edit the note' }).uncheck();
    const note = md();
    await send(suite.ada, 'Tell me slowly what it is');
    const answer = panel.locator('.answer').last();
    await eventually(async () => /You asked/.test(await answer.textContent()), 'the first piece of the answer');
    await panel.getByRole('button', { name: 'Stop', exact: true }).click();
    await panel.getByRole('button', { name: 'Send', exact: true }).waitFor();
    const kept = await answer.textContent();
    assert.doesNotMatch(kept, /The note begins with/, `a part of the answer: ${JSON.stringify(kept)}`);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(await answer.textContent(), kept, 'nothing arrives after Stop');
    assert.equal(md(), note, 'the note is untouched');

    // Closing the panel keeps the conversation for as long as the editor is open.
    await panel.getByRole('button', { name: 'Close note chat' }).click();
    assert.equal(await panelOf(suite.ada).count(), 0);
    await suite.ada.getByRole('button', { name: 'Chat', exact: true }).click();
    await panelOf(suite.ada).locator('.answer', { hasText: 'You asked' }).waitFor();
  });

  test('a reader can ask but not edit or insert', async () => {
    await shareWithBob(suite.ada);
    await eventually(() => stored().access_control?.read?.user_ids?.includes(suite.bobUser.id), 'read access to be saved');
    assert.ok(!stored().access_control.write?.user_ids?.includes(suite.bobUser.id), 'read only');

    // A user sees a model through a public preset row of it.
    suite.backend.state.presets.set('stand-in/model:1', { id: 'stand-in/model:1', base_model_id: null, name: 'Stand-in Model', meta: {}, params: {}, user_id: stored().user_id, is_active: true, access_control: null });
    await suite.bob.goto(`${suite.backend.url}/notes/${id}`);
    await suite.bob.evaluate(() => localStorage.setItem('noteChatEdit', 'true'));
    await suite.bob.getByRole('button', { name: 'Chat', exact: true }).click();
    const panel = panelOf(suite.bob);
    assert.equal(await panel.getByRole('switch').count(), 0);
    const note = md();
    await send(suite.bob, 'What is it about?');
    await panel.locator('.answer', { hasText: 'The note begins with: # Edited: Add a title' }).waitFor();
    assert.match(suite.backend.state.sseCompletions.at(-1).messages[0].content, /questions/, 'ask mode, whatever the switch says');
    assert.equal(await panel.getByRole('button', { name: 'Insert into note' }).count(), 0);
    assert.equal(md(), note);
  });
});
