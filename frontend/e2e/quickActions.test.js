// Browser tests of the user's own floating quick actions: made in Settings › Interface › Manage,
// saved under the stock key, used over a selection in an answer, then removed and reset to defaults.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { askAndWait, eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();
const me = () => suite.backend.state.users.find((u) => u.id === suite.session.id);
const stored = () => me().settings?.ui?.floatingActionButtons;

/** Opens Settings › Interface › Manage; returns the settings dialog and the actions dialog. */
async function openManager(page) {
  await page.getByRole('button', { name: 'Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: 'Interface' }).click();
  await settings.getByRole('button', { name: 'Open Modal To Manage Floating Quick Actions' }).click();
  return { settings, manager: page.getByRole('dialog', { name: 'Quick Actions' }) };
}

async function closeSettings(page, settings) {
  await settings.getByRole('button', { name: 'Close' }).last().click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'detached' });
}

async function selectInAnswer(page) {
  const paragraph = page.getByTestId('assistant-message').last().locator('.answer-area p').first();
  await paragraph.selectText();
  return (await paragraph.innerText()).trim();
}

const toolbar = (page) => page.getByRole('toolbar', { name: 'Floating Quick Actions' });

describe('managed floating quick actions', () => {
  test('an added action is saved, shown over a selection and sends its filled prompt; removed and reset, the defaults come back', async () => {
    me().settings = { ui: { richTextInput: false } };
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.getByLabel('Message', { exact: true }).waitFor();
    await askAndWait(suite.backend, page, 'hello there');

    let { settings, manager } = await openManager(page);
    await manager.getByText('Default action buttons will be used.').waitFor();
    await manager.getByRole('button', { name: 'Customize' }).click();
    await manager.getByRole('button', { name: 'Add action' }).click();
    const row = manager.getByRole('group', { name: 'Action 3' });
    await row.getByRole('textbox', { name: 'Button Label' }).fill('Summarize');
    await row.getByRole('textbox', { name: 'Button Prompt' }).fill('Summarize for {{INPUT_CONTENT}}:\n{{SELECTED_CONTENT}}');
    await manager.getByRole('button', { name: 'Save' }).click();
    await manager.waitFor({ state: 'detached' });
    await eventually(() => stored()?.length === 3, 'the actions saved');
    assert.deepEqual(stored()[2], { id: 'new-button', label: 'Summarize', input: true, prompt: 'Summarize for {{INPUT_CONTENT}}:\n{{SELECTED_CONTENT}}' });
    assert.deepEqual(stored().map((a) => a.id), ['ask', 'explain', 'new-button']);
    await closeSettings(page, settings);

    const selected = await selectInAnswer(page);
    await toolbar(page).getByRole('button', { name: 'Summarize' }).click();
    const question = page.getByRole('textbox', { name: 'Ask a question' });
    await question.fill('a child');
    const before = suite.backend.state.sseCompletions?.length ?? 0;
    await question.press('Enter');
    await page.getByRole('dialog', { name: 'Quick answer' }).locator('.reply[aria-busy="false"]').waitFor({ timeout: 10000 });
    assert.equal(suite.backend.state.sseCompletions.length, before + 1);
    assert.equal(suite.backend.state.sseCompletions.at(-1).messages.at(-1).content, `Summarize for a child:\n> ${selected}`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Quick answer' }).waitFor({ state: 'detached' });

    ({ settings, manager } = await openManager(page));
    await manager.getByRole('group', { name: 'Action 3' }).getByRole('button', { name: 'Remove' }).click();
    assert.equal(await manager.getByRole('group').count(), 2);
    await manager.getByRole('button', { name: 'Save' }).click();
    await manager.waitFor({ state: 'detached' });
    await eventually(() => stored()?.length === 2, 'the action removed');
    await settings.getByRole('button', { name: 'Open Modal To Manage Floating Quick Actions' }).click();
    await manager.getByRole('button', { name: 'Use defaults' }).click();
    await page.keyboard.press('Escape');
    await manager.waitFor({ state: 'detached' });
    assert.equal(await settings.isVisible(), true, 'Escape closes only the topmost dialog');
    assert.equal(stored()?.length, 2, 'closed without Save, nothing changes');
    await settings.getByRole('button', { name: 'Open Modal To Manage Floating Quick Actions' }).click();
    await manager.getByRole('button', { name: 'Use defaults' }).click();
    await manager.getByRole('button', { name: 'Save' }).click();
    await eventually(() => stored() === null, 'the defaults stored as null');
    await closeSettings(page, settings);

    await selectInAnswer(page);
    await toolbar(page).waitFor();
    assert.deepEqual(await toolbar(page).getByRole('button').allInnerTexts(), ['Ask', 'Explain']);
    await page.close();
  });
});
