// The app's chat-user features (issue 25) on the real suite, run by browser.mjs (see there for the
// environment): rich Markdown, a pasted screenshot, the chat menu (downloads, share and revoke, clone,
// import), folders, shortcuts, citations, prompt variables, error pages and usage; the admin's day-two
// work; the settings tabs; the main flows at phone width; the note editor's model features. Each scenario signs in on a fresh profile and
// reports what the test then checks through the API.
import { readFileSync } from 'node:fs';
import { env, pickModel, report, shot, signIn, userMenu } from './flows.mjs';

const BASE = () => env('BASE_URL');
const chatIdOf = (page) => new URL(page.url()).pathname.split('/').pop();
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function eventually(check, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function send(page, text, key = 'Enter') {
  if (text !== undefined) await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press(key);
  await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
  await page.getByTestId('assistant-message').last().waitFor();
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 60000 });
  return page.getByTestId('assistant-message').last();
}

async function openSettings(page, tab, dialogName = 'Settings') {
  await userMenu(page, dialogName);
  const dialog = page.getByRole('dialog', { name: dialogName });
  if (tab) await dialog.getByRole('tab', { name: tab }).click();
  return dialog;
}

const apiStatus = (page, path) =>
  page.evaluate(async (p) => (await fetch(p, { headers: { Authorization: `Bearer ${localStorage.getItem('token')}` } })).status, path);

// Items 2, 3, 8, 9, 10 and the chat menu of item 4, on one signed-in page.
async function appChat(page) {
  const context = page.context();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE() });
  await signIn(page);
  const boxFocused = () => page.evaluate(() => document.activeElement?.id === 'chat-input');
  await eventually(boxFocused, 'the message box to have the focus after sign-in');
  await page.reload();
  await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
  await eventually(boxFocused, 'the message box to have the focus on load');
  await page.keyboard.press('Control+/');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await shortcuts.getByText('Open new chat').waitFor();
  await page.keyboard.press('Escape');
  await shortcuts.waitFor({ state: 'detached' });
  report({ step: 'keyboard-ready' });

  // a pasted screenshot is attached; the question is Markdown with a task list and a code block
  await pickModel(page);
  const box = page.getByLabel('Message', { exact: true });
  await box.evaluate((area, b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, PNG.toString('base64'));
  await page.getByLabel('Attachments').locator('img.thumb').waitFor();
  const answer = await send(page, env('RICH_MESSAGE'));
  const chatId = chatIdOf(page);
  const question = page.getByTestId('user-message').last();
  await question.locator('strong', { hasText: 'bold' }).waitFor();
  const boxes = answer.getByRole('checkbox');
  await boxes.first().waitFor();
  const block = answer.locator('.code-block');
  await block.locator('.line-numbers').waitFor();
  const lineNumbers = await block.locator('.line-numbers').innerText();
  await block.getByRole('button', { name: 'Collapse' }).click();
  await block.locator('pre').first().waitFor({ state: 'hidden' });
  await block.getByRole('button', { name: 'Expand' }).click();
  await block.locator('code').first().waitFor({ state: 'visible' });
  const usage = answer.getByTestId('token-usage');
  await usage.waitFor();
  await shot(page, 'app-rich');
  report({
    step: 'rich',
    chatId,
    userTaskBoxes: await question.getByRole('checkbox').count(),
    userCodeBlocks: await question.locator('.code-block').count(),
    userImages: await question.getByRole('img').count(),
    checked: await Promise.all((await boxes.all()).map((b) => b.getAttribute('aria-checked'))),
    lineNumbers,
    usage: await usage.innerText(),
    answerTime: await answer.locator('time').getAttribute('datetime')
  });

  // Ctrl+Shift+C copies the answer; a short window shows "Scroll to bottom" once the reader scrolls up
  await page.keyboard.press('Control+Shift+C');
  await eventually(async () => (await page.evaluate(() => navigator.clipboard.readText())).includes('const c = a + b;'), 'the answer on the clipboard');
  await page.setViewportSize({ width: 1280, height: 420 });
  const toBottom = page.getByRole('button', { name: 'Scroll to bottom' });
  // from the bottom to the top: a chat that only overflows since the resize has nothing to scroll from otherwise
  await page.locator('.chat .scroll').evaluate(async (el) => {
    el.scrollTo(0, el.scrollHeight);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    el.scrollTo(0, 0);
  });
  await toBottom.waitFor();
  await toBottom.click();
  await toBottom.waitFor({ state: 'detached' });
  const copyInView = await answer.getByRole('button', { name: 'Copy' }).last().evaluate(
    (el) => el.getBoundingClientRect().bottom <= el.closest('.scroll').getBoundingClientRect().bottom + 1);
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.reload();
  await page.getByTestId('token-usage').waitFor();
  report({ step: 'scrolled', copyInView, usageAfterReload: await page.getByTestId('token-usage').innerText() });

  // the chat-header menu: downloads, share then revoke, clone
  const menu = async (item) => {
    await page.getByRole('button', { name: 'Chat menu' }).click();
    await page.getByRole('menuitem', { name: item, exact: true }).click();
  };
  const download = async (item) => {
    const [file] = await Promise.all([page.waitForEvent('download'), menu(item)]);
    return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
  };
  const json = await download('Download JSON');
  const txt = await download('Download TXT');
  const pdf = await download('Download PDF');
  await menu('Share');
  const shared = page.getByText(/Share link copied/);
  await shared.waitFor();
  const link = (await shared.innerText()).match(/https?:\/\/\S+/)[0];
  const shareId = link.split('/').pop();
  const whileShared = await apiStatus(page, `/api/v1/chats/share/${shareId}`);
  await menu('Revoke share link');
  await page.getByText('Share link revoked').waitFor();
  const afterRevoke = await apiStatus(page, `/api/v1/chats/share/${shareId}`);
  const title = (await page.locator('h1.title').innerText()).trim();
  await menu('Clone');
  await page.getByRole('heading', { name: `Clone of ${title}` }).waitFor();
  const cloneId = chatIdOf(page);
  await page.getByTestId('assistant-message').last().locator('.code-block').waitFor();
  report({
    step: 'chat-menu', title, shareId, whileShared, afterRevoke, cloneId,
    exported: JSON.parse(json.body.toString()).map((c) => ({ id: c.id, current: c.chat.history.messages[c.chat.history.currentId] })),
    txtName: txt.name, txt: txt.body.toString(), pdfName: pdf.name, pdfHead: pdf.body.subarray(0, 5).toString()
  });

  // the JSON comes back in through Settings > Data controls
  const settings = await openSettings(page, 'Data controls');
  await settings.getByLabel('Chat export file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.body });
  await page.getByText('Imported 1 chat').waitFor();
  await page.keyboard.press('Escape');
  report({ step: 'imported' });

  // a new folder takes the keyboard; Enter saves it without making another
  await page.getByRole('button', { name: 'New folder' }).click();
  const name = page.getByLabel('Folder name');
  await eventually(() => name.evaluate((el) => el === document.activeElement), 'the folder name box to have the focus');
  await page.keyboard.type(env('FOLDER'));
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: env('FOLDER'), exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  report({ step: 'folder' });

  // a citation chip opens its passage
  await page.goto(`${BASE()}/c/${env('CITED_CHAT')}`);
  await page.getByTestId('assistant-message').last().getByLabel('Sources').locator('.chip').first().click();
  const citation = page.getByRole('dialog', { name: 'Citation' });
  await citation.getByRole('heading').first().waitFor();
  const cited = await citation.innerText();
  await page.keyboard.press('Escape');
  await citation.waitFor({ state: 'detached' });
  report({ step: 'citation', text: cited });

  // Ctrl+Shift+O: a new chat, the box focused; a prompt's {{CLIPBOARD}} filled in, then sent
  await page.keyboard.press('Control+Shift+O');
  await page.waitForURL(`${BASE()}/`);
  await eventually(boxFocused, 'the message box to have the focus in the new chat');
  await page.evaluate((text) => navigator.clipboard.writeText(text), env('CLIPBOARD_TEXT'));
  await pickModel(page);
  await box.fill('/' + env('PROMPT_COMMAND').slice(0, 4));
  await page.getByRole('option', { name: new RegExp(env('PROMPT_COMMAND')) }).waitFor();
  await page.keyboard.press('Enter');
  // The box is the rich-text one by default (the plain textarea when that setting is off).
  const boxText = () => box.evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : el.innerText.replace(/\u200b/g, '').replace(/\n+$/, '')));
  await eventually(async () => (await boxText()).includes(env('CLIPBOARD_TEXT')), 'the prompt with the clipboard filled in');
  const filled = await boxText();
  await send(page);
  report({ step: 'prompt', filled, chatId: chatIdOf(page) });

  // the provider behind a proxy fails with an nginx page: the answer says so in a sentence
  await page.keyboard.press('Control+Shift+O');
  await page.waitForURL(`${BASE()}/`);
  await pickModel(page);
  await box.fill(env('FAILING_MESSAGE'));
  await page.keyboard.press('Enter');
  const alert = page.getByTestId('assistant-message').last().getByRole('alert');
  await alert.waitFor({ timeout: 60000 });
  await shot(page, 'app-gateway-error');
  report({ step: 'error', text: await alert.innerText() });

  // Ctrl+Shift+S hides the sidebar and brings it back
  await page.keyboard.press('Control+Shift+S');
  await page.getByRole('button', { name: 'Open sidebar' }).first().waitFor();
  await page.keyboard.press('Control+Shift+S');
  await page.getByPlaceholder('Search').waitFor();
  report({ step: 'sidebar-toggled' });
}

// Item 5: add a user and reset her password, model settings and order, task switches, feedback.
async function appAdmin(page) {
  await signIn(page);
  await page.goto(BASE() + '/admin');
  await page.getByRole('button', { name: 'Add user' }).click();
  const add = page.getByRole('form', { name: 'Add user' });
  await add.getByLabel('Name').fill(env('NEW_USER_NAME'));
  await add.getByLabel('Email').fill(env('NEW_USER_EMAIL'));
  await add.getByLabel('Password').fill('first-pass-1');
  await add.getByLabel('Role').selectOption('user');
  await add.getByRole('button', { name: 'Add' }).click();
  await page.getByText(`${env('NEW_USER_NAME')} was added`).waitFor();
  await page.getByRole('button', { name: `Edit ${env('NEW_USER_NAME')}` }).click();
  const edit = page.getByRole('form', { name: 'Edit user' });
  await edit.getByLabel('New password').fill(env('NEW_USER_PASSWORD'));
  await edit.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`${env('NEW_USER_NAME')} was saved with the new password`).waitFor();
  report({ step: 'user-added' });

  await page.getByRole('tab', { name: 'Models' }).click();
  await page.getByRole('button', { name: `Edit ${env('MODEL')}` }).click();
  const form = page.getByRole('form', { name: 'Model settings' });
  await form.getByLabel('Name').fill(env('MODEL_NAME'));
  await form.getByLabel('Description').fill('Repeats what it is told');
  await form.getByLabel('System prompt').fill(env('MODEL_SYSTEM'));
  await form.getByLabel('Temperature').fill('0.2');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`${env('MODEL_NAME')} saved`).waitFor();
  await page.getByRole('button', { name: `Edit ${env('HIDDEN_MODEL')}` }).click();
  await form.getByLabel('Hidden from the model picker').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`${env('HIDDEN_MODEL')} saved`).first().waitFor();
  await page.getByRole('list', { name: 'Models' }).getByRole('button', { name: `Move ${env('HIDDEN_MODEL')} up` }).click();
  await page.getByRole('button', { name: 'Save order' }).click();
  await page.getByText('Model order saved').waitFor();
  report({ step: 'models' });

  await page.getByRole('tab', { name: 'Tasks' }).click();
  const tasks = page.getByRole('form', { name: 'Tasks' });
  await tasks.getByLabel('Generate chat titles').uncheck();
  await tasks.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Task settings saved').waitFor();
  report({ step: 'tasks' });

  // a chat with the renamed model: picked by its new name, the hidden one not offered; no title asked for
  await page.getByRole('button', { name: 'Back to chat' }).click();
  await page.getByRole('button', { name: 'Select a model' }).click();
  await page.getByRole('option', { name: new RegExp(env('MODEL_NAME')) }).waitFor();
  const hiddenOffered = await page.getByRole('option', { name: new RegExp(env('HIDDEN_MODEL')) }).count();
  await page.getByRole('option', { name: new RegExp(env('MODEL_NAME')) }).click();
  const answer = await send(page, env('MESSAGE'));
  const chatId = chatIdOf(page);
  await answer.getByRole('button', { name: 'Bad response' }).click();
  const details = page.getByRole('form', { name: 'Rating details' });
  await details.getByRole('button', { name: 'Not factual' }).click();
  await details.getByLabel('Feedback comment').fill(env('FEEDBACK'));
  await details.getByRole('button', { name: 'Submit' }).click();
  await details.waitFor({ state: 'detached' });
  await page.waitForLoadState('networkidle');
  report({ step: 'chatted', chatId, hiddenOffered, header: (await page.locator('h1.title').innerText()).trim() });

  await page.goto(BASE() + '/admin');
  await page.getByRole('tab', { name: 'Feedback' }).click();
  const row = page.getByRole('table', { name: 'Feedback' }).getByRole('row').filter({ hasText: env('FEEDBACK') });
  await row.waitFor();
  await shot(page, 'app-admin-feedback');
  report({ step: 'feedback', row: (await row.innerText()).replace(/\s+/g, ' ').trim() });
}

// Item 6: language, an interface switch, memory, profile picture, archive all.
async function appSettings(page) {
  await signIn(page);
  let dialog = await openSettings(page);
  await dialog.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('dialog', { name: '设置' }).getByRole('tab', { name: '界面' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '新对话', exact: true }).waitFor();
  const chinese = { lang: await page.evaluate(() => document.documentElement.lang) };
  await page.reload();
  await page.getByRole('button', { name: '新对话', exact: true }).waitFor();
  dialog = await openSettings(page, undefined, '设置');
  await dialog.getByLabel('语言').selectOption('en-US');
  dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.waitFor();
  report({ step: 'language', ...chinese, back: await page.evaluate(() => document.documentElement.lang) });

  await dialog.getByRole('tab', { name: 'Interface' }).click();
  const wide = dialog.getByRole('switch', { name: 'Widescreen mode' });
  const was = await wide.isChecked();
  await wide.click();
  await eventually(async () => (await wide.isChecked()) === !was, 'wide mode to switch');
  await page.waitForLoadState('networkidle');

  await dialog.getByRole('tab', { name: 'Personalization' }).click();
  await dialog.getByLabel('Let models use my memories').check();
  await dialog.getByLabel('New memory').fill(env('MEMORY'));
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText('Memory added').first().waitFor();
  await dialog.getByRole('list', { name: 'Memories' }).getByText(env('MEMORY')).waitFor();

  await dialog.getByRole('tab', { name: 'Account' }).click();
  await dialog.getByLabel('Profile picture file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
  await page.getByText('Profile updated').waitFor();
  await eventually(async () => ((await page.locator('nav .user img').getAttribute('src')) ?? '').startsWith('data:image/png'), 'the sidebar to show the new picture');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  report({ step: 'personal', wide: !was, wideApplied: await page.locator('.chat').evaluate((el) => el.classList.contains('wide')) });

  await pickModel(page);
  await send(page, env('MESSAGE'));
  report({ step: 'remembered', chatId: chatIdOf(page) });

  dialog = await openSettings(page, 'Data controls');
  await dialog.getByRole('button', { name: 'Archive all chats' }).click();
  await page.getByRole('dialog', { name: 'Archive all chats?' }).getByRole('button', { name: 'Archive all' }).click();
  await page.getByText('All chats archived').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Chat history' }).locator('a[href^="/c/"]').first().waitFor({ state: 'detached' });
  report({ step: 'archived' });
}

// Item 7: at 390 px the model name is readable, opening a chat closes the sidebar, a chat moves to a
// folder from its menu.
async function appPhone(page) {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, 'Open sidebar');
  await pickModel(page);
  await send(page, env('MESSAGE'));
  const chatId = chatIdOf(page);
  const name = page.getByRole('button', { name: 'Select a model' }).locator('span').first();
  const fits = () => name.evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth > 60);
  const modelName = (await name.innerText()).trim();
  const fitted = await fits();
  await shot(page, 'app-phone-chat');

  await page.getByRole('button', { name: 'Open sidebar' }).first().click();
  const history = page.getByRole('navigation', { name: 'Chat history' });
  const link = history.locator(`a[href="/c/${chatId}"]`).first();
  await link.click();
  await page.getByRole('button', { name: 'Close sidebar' }).first().waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Open sidebar' }).first().waitFor();
  const fittedAgain = await fits();

  await page.getByRole('button', { name: 'Open sidebar' }).first().click();
  const title = (await link.innerText()).trim();
  await link.hover();
  await history.getByRole('button', { name: `Chat options for ${title}`, exact: true }).first().click();
  await page.getByRole('menuitem', { name: 'Move to folder' }).click();
  await page.getByRole('dialog').getByRole('group', { name: 'Folders' }).getByRole('button', { name: env('FOLDER') }).click();
  await page.getByText(`Moved to ${env('FOLDER')}`).waitFor();
  await shot(page, 'app-phone-moved');
  report({ step: 'phone', chatId, modelName, fitted, fittedAgain });
}

// The note editor's model features: Enhance keeps the text before it as a version, the versions are
// browsed, a title is generated, and the chat panel answers about the note.
async function appNotes(page) {
  await signIn(page);
  await page.goto(`${BASE()}/notes`);
  await page.getByRole('button', { name: 'New note' }).click();
  await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
  const noteId = chatIdOf(page);
  const body = page.getByLabel('Note content', { exact: true });
  const saved = () => page.getByText('Saved', { exact: true }).waitFor();
  await body.click();
  await page.keyboard.type(env('NOTE_TEXT'));
  await saved();
  await page.getByLabel('Model for Enhance').selectOption(env('MODEL'));
  await page.getByRole('button', { name: 'Enhance', exact: true }).click();
  await eventually(async () => (await body.inputValue()).startsWith('You said:'), 'the enhanced note');
  await page.getByRole('button', { name: 'Enhance', exact: true }).waitFor({ timeout: 30000 });
  const enhanced = await body.inputValue();

  await page.getByRole('button', { name: 'Previous version' }).click();
  await eventually(async () => (await body.inputValue()) === env('NOTE_TEXT'), 'the text before Enhance');
  await page.getByRole('button', { name: 'Next version' }).click();
  await eventually(async () => (await body.inputValue()) === enhanced, 'the latest text again');

  await page.getByRole('button', { name: 'Generate title' }).click();
  await eventually(async () => (await page.getByLabel('Note title').inputValue()) === env('TITLE'), 'the generated title', 30000);

  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Note chat' });
  await panel.getByLabel('Message about the note').fill(env('QUESTION'));
  await panel.getByLabel('Message about the note').press('Enter');
  await panel.locator('.answer', { hasText: `You said: ${env('QUESTION')}` }).waitFor({ timeout: 30000 });
  await saved();
  await shot(page, 'app-notes');
  report({ step: 'notes', noteId, enhanced });
}

export const scenarios = { 'app-chat': appChat, 'app-admin': appAdmin, 'app-settings': appSettings, 'app-phone': appPhone, 'app-notes': appNotes };
