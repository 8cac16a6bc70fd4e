// Browser tests of Admin › Leaderboard (Elo from the stored ratings, topic re-ranking, a model's
// ratings) and Admin › Database (settings out and in, chats and users out, the database file refused).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { MODEL, SECOND_MODEL } from './stand-in-backend.js';
import { eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

async function adminTab(name) {
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  await page.goto(`${suite.backend.url}/admin`);
  await page.getByRole('tab', { name, exact: true }).click();
  return page;
}

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

const rating = (id, model, value, sibling, extra = {}) => ({
  id, user_id: suite.session.id, version: 0, type: 'rating', created_at: 1700000000 + id.length, updated_at: 1700000000,
  data: { rating: value, model_id: model, sibling_model_ids: [sibling], reason: '', comment: '', ...extra }, meta: { chat_id: 'c', message_id: id }, snapshot: null
});

describe('admin: leaderboard', () => {
  test('models ranked by Elo, re-ranked by a topic, a model opens its ratings', async () => {
    for (const f of [
      rating('f1', MODEL.id, -1, SECOND_MODEL.id),
      rating('f22', SECOND_MODEL.id, 1, MODEL.id, { tags: ['maths'] }),
      rating('f333', MODEL.id, 1, SECOND_MODEL.id, { tags: ['poetry'], reason: 'Creative', comment: 'Lovely sonnet' })
    ]) suite.backend.state.feedbacks.set(f.id, f);
    const page = await adminTab('Leaderboard');
    const table = page.getByRole('table', { name: 'Leaderboard' });
    const rows = () => table.locator('tbody tr').allInnerTexts();
    await eventually(async () => (await rows()).length === 2, 'two ranked models');
    // f1: Second wins from 1000/1000; f2: Second wins again; f3: Stand-in wins back some.
    assert.deepEqual((await rows()).map((r) => r.split('\t').map((c) => c.trim())), [
      ['1', 'Second Model', '1012', '2', '1'],
      ['2', 'Stand-in Model', '988', '1', '2']
    ]);

    await page.screenshot({ path: `${ARTIFACTS}40-admin-leaderboard.png` });
    await page.getByLabel('Re-rank models by topic').fill('poetry');
    await page.getByText('Ranked by the ratings about "poetry"').waitFor();
    await eventually(async () => (await rows())[0].startsWith('1\tStand-in Model\t1016'), 'only the poetry rating moves the ranks');

    await page.getByRole('columnheader', { name: 'Model' }).getByRole('button').click();
    await eventually(async () => (await rows())[0].includes('Second Model'), 'sorted by name');
    assert.equal(await page.getByRole('columnheader', { name: 'Model' }).getAttribute('aria-sort'), 'ascending');

    await table.getByRole('button', { name: 'Stand-in Model' }).click();
    const dialog = page.getByRole('dialog');
    const list = dialog.getByRole('list', { name: 'Ratings of this model' });
    await list.waitFor();
    assert.equal(await list.getByRole('listitem').count(), 2, 'only this model\'s two ratings');
    assert.match(await list.innerText(), /Lovely sonnet/);
    assert.match(await dialog.getByRole('list', { name: 'Top tags' }).innerText(), /poetry/);
    await page.close();
    suite.backend.state.feedbacks.clear();
  });
});

describe('admin: database', () => {
  test('settings exported and imported, a broken file refused', async () => {
    const page = await adminTab('Database');
    const out = await downloaded(page, () => page.getByRole('button', { name: 'Export Config to JSON File' }).click());
    assert.match(out.name, /^config-\d+\.json$/);
    assert.deepEqual(JSON.parse(out.text), suite.backend.state.configDocument);

    const pick = async (name, text) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import Config from JSON File' }).click()]);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    };
    await pick('broken.json', '{"ui": ');
    await page.getByText('The file is not JSON').waitFor();
    assert.deepEqual(suite.backend.state.configDocument.ui, { enable_signup: false }, 'nothing sent for a broken file');
    await pick('config.json', JSON.stringify({ version: 0, ui: { enable_signup: true } }));
    await page.getByText('Config imported successfully').waitFor();
    assert.deepEqual(suite.backend.state.configDocument, { version: 0, ui: { enable_signup: true } });
    await page.close();
  });

  test('all chats and the users downloaded; the database file refused with the reason', async () => {
    const page = await adminTab('Database');
    const chats = await downloaded(page, () => page.getByRole('button', { name: 'Export All Chats (All Users)' }).click());
    assert.match(chats.name, /^all-chats-export-\d+\.json$/);
    assert.ok(Array.isArray(JSON.parse(chats.text)));
    const users = await downloaded(page, () => page.getByRole('button', { name: 'Export Users' }).click());
    assert.equal(users.name, 'users.csv');
    assert.deepEqual(users.text.split('\n'), ['id,name,email,role', `"${suite.session.id}","Ada Admin","ada@example.com","admin"`]);

    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Download Database' }).click();
    await page.getByRole('status').filter({ hasText: 'The database file cannot be downloaded: This feature is only available when running with SQLite databases.' }).waitFor();
    assert.equal(downloads, 0, 'no broken download');
    await page.screenshot({ path: `${ARTIFACTS}41-admin-database.png` });
    await page.close();
  });
});
