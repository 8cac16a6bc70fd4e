// Browser tests of issue #25's later items: continue and delete on messages, the shared chats list,
// admin banners, `#`/`@` in the message box and the model editor's avatar and capabilities.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SECOND_MODEL } from './stand-in-backend.js';
import { eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();

async function ask(page, text) {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="false"]', { timeout: 15000 });
  return page.url().split('/c/')[1];
}

const storedAnswers = (id) => Object.values(suite.backend.state.chats.get(id).chat.history.messages).filter((m) => m.role === 'assistant');

describe('messages', () => {
  test('continue response goes on from the last answer and is saved', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const id = await ask(page, 'hello there');
    const answer = page.getByTestId('assistant-message').last();
    const before = await answer.locator('.markdown').first().innerText();
    await answer.getByRole('button', { name: 'Continue response' }).click();
    await answer.getByText('Continued by Stand-in Model.', { exact: false }).waitFor();
    await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached' });
    await eventually(() => storedAnswers(id).some((m) => m.content.startsWith(before.trim().slice(0, 10)) && m.content.includes('Continued by')), 'the continued answer to be saved');
    assert.equal(storedAnswers(id).length, 1, 'continuing adds no new message');
    await page.close();
  });

  test('deleting a regenerated answer removes it from the saved chat', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const id = await ask(page, 'first question');
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await page.getByRole('menuitem', { name: 'Try Again' }).click();
    await page.getByText('2/2').waitFor();
    await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached' });
    await eventually(() => storedAnswers(id).length === 2 && storedAnswers(id).every((m) => m.done !== false), 'two saved answers');
    await page.getByRole('button', { name: 'Delete message' }).click();
    await page.getByRole('dialog', { name: 'Delete message?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('2/2').waitFor({ state: 'detached' });
    await eventually(() => storedAnswers(id).length === 1, 'the deleted answer to be gone from the saved chat');
    await page.reload();
    await page.getByTestId('assistant-message').waitFor();
    assert.equal(await page.getByTestId('assistant-message').count(), 1);
    await page.close();
  });
});

describe('shared chats', () => {
  test('settings list the shared chats and revoke a link', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const id = await ask(page, 'share me later');
    await page.getByRole('button', { name: 'Chat menu' }).click();
    await page.getByRole('menuitem', { name: 'Share', exact: true }).click();
    await page.getByText(/Share link copied/).waitFor();
    await page.getByRole('button', { name: 'Ada Admin' }).click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('tab', { name: 'Data controls' }).click();
    const title = suite.backend.state.chats.get(id).title;
    await dialog.getByRole('button', { name: `Revoke share link of ${title}` }).click();
    await dialog.getByText('You have no shared chats.').waitFor();
    assert.equal(suite.backend.state.chats.get(id).share_id, null);
    await page.close();
  });
});

describe('banners', () => {
  test('an admin adds a banner; users see it above a new chat until they dismiss it', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.goto(`${suite.backend.url}/admin`);
    await page.getByRole('tab', { name: 'General' }).click();
    await page.getByRole('button', { name: 'Add banner' }).click();
    await page.getByLabel('Banner content').fill('Maintenance at **noon**');
    await page.getByLabel('Banner type').selectOption('warning');
    await page.getByRole('button', { name: 'Save banners' }).click();
    await page.getByText('Banners saved').waitFor();
    assert.equal(suite.backend.state.banners[0].content, 'Maintenance at **noon**');
    await page.goto(`${suite.backend.url}/`);
    await page.getByText('noon').waitFor();
    await page.getByRole('button', { name: 'Dismiss banner' }).click();
    await page.getByText('noon').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
    await page.getByLabel('Message', { exact: true }).waitFor();
    assert.equal(await page.getByText('Maintenance at').count(), 0);
    suite.backend.state.banners = [];
    await page.close();
  });
});

describe('message box', () => {
  test('@ picks the model that answers, # attaches a knowledge base', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const box = page.getByLabel('Message', { exact: true });
    await box.fill('');
    await box.pressSequentially('@sec');
    await page.getByRole('listbox', { name: 'Models' }).getByRole('option', { name: /Second Model/ }).click();
    await page.getByText('Talking to Second Model').waitFor();
    await box.pressSequentially('#team');
    await page.getByRole('listbox', { name: 'Knowledge' }).getByRole('option', { name: /Team Handbook/ }).click();
    await box.pressSequentially('who answers?');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
    await page.getByText('Answered by Second Model.').waitFor();
    const sent = suite.backend.state.lastCompletion;
    assert.equal(sent.model, SECOND_MODEL.id);
    assert.deepEqual(sent.files.map((f) => [f.type, f.name]), [['collection', 'Team Handbook']]);
    await page.close();
  });
});

describe('model editor', () => {
  test('capabilities and avatar are saved in the model meta', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.goto(`${suite.backend.url}/admin`);
    await page.getByRole('tab', { name: 'Models' }).click();
    await page.getByRole('button', { name: /^Edit Stand-in Model/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Citations' }).uncheck();
    await dialog.getByLabel('Model avatar file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') });
    await dialog.getByRole('button', { name: 'Reset avatar' }).waitFor();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await eventually(() => suite.backend.state.presets.get('stand-in/model:1')?.meta?.capabilities?.citations === false, 'the capabilities to be saved');
    const meta = suite.backend.state.presets.get('stand-in/model:1').meta;
    assert.match(meta.profile_image_url, /^data:image\/png;base64,/);
    assert.equal(meta.capabilities.vision, true);
    await page.close();
  });
});
