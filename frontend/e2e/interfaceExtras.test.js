// Browser tests of the stock interface extras: the user's location, the regenerate menu, the update
// toast and "What's New", and voice interruption in calls.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, speakingMicrophone } from './browser.js';
import { askAndWait, eventually, openSettingsTab, pageFor, reloadWithFeatures, speechPage, standInSuite } from './support.js';

const suite = standInSuite();
const me = () => suite.backend.state.users.find((u) => u.id === suite.session.id);
const ui = () => me().settings?.ui ?? {};

const openInterface = (page) => openSettingsTab(page, 'Interface');

describe('user location', () => {
  test('refused permission leaves the switch off with a message; granted, the position is stored and sent as {{USER_LOCATION}}', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const dialog = await openInterface(page);
    const location = dialog.getByRole('switch', { name: 'Allow User Location' });
    await location.click();
    await page.getByText(/Location access not allowed/).waitFor();
    await eventually(async () => !(await location.isChecked()), 'the switch to stay off');
    assert.notEqual(ui().userLocation, true);
    assert.equal(me().info?.location, undefined);

    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: 48.85661, longitude: 2.35222 });
    await location.click();
    await page.getByText('User location successfully retrieved.').waitFor();
    await eventually(() => ui().userLocation === true, 'userLocation to be saved');
    assert.equal(me().info.location, '48.857, 2.352 (lat, long)');
    await page.keyboard.press('Escape');

    await page.context().setGeolocation({ latitude: -33.8688, longitude: 151.2093 });
    const sent = await askAndWait(suite.backend, page, 'Where am I?');
    assert.equal(sent.variables['{{USER_LOCATION}}'], '-33.869, 151.209 (lat, long)');
    assert.equal(me().info.location, '-33.869, 151.209 (lat, long)', 'each completion stores the fresh position');
    await page.close();
  });
});

describe('regenerate menu', () => {
  test('offers try again, suggested and typed instructions sent after the old answer; turned off, Regenerate answers again at once', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await askAndWait(suite.backend, page, 'Tell me about owls');
    const idle = () => page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 15000 });
    const sentAfter = async (pick) => {
      const before = suite.backend.state.completions.length;
      await page.getByRole('button', { name: 'Regenerate' }).click();
      await pick(page.getByRole('menu', { name: 'Regenerate' }));
      await eventually(() => suite.backend.state.completions.length > before, 'the regenerated completion');
      await idle();
      return suite.backend.state.completions.at(-1).messages.filter((m) => m.role !== 'system');
    };

    const concise = await sentAfter((menu) => menu.getByRole('menuitem', { name: 'More Concise' }).click());
    assert.deepEqual(concise.map((m) => m.role), ['user', 'assistant', 'user']);
    assert.equal(concise[0].content, 'Tell me about owls');
    assert.equal(concise[2].content, 'More Concise');
    await page.getByText('2/2').waitFor();

    const typed = await sentAfter(async (menu) => {
      await menu.getByLabel('Suggest a change').fill('Answer in French');
      await page.keyboard.press('Enter');
    });
    assert.equal(typed.at(-1).content, 'Answer in French');
    await page.getByText('3/3').waitFor();

    const again = await sentAfter((menu) => menu.getByRole('menuitem', { name: 'Try Again' }).click());
    assert.deepEqual(again.map((m) => m.content), ['Tell me about owls']);
    await page.getByText('4/4').waitFor();

    const dialog = await openInterface(page);
    await dialog.getByRole('switch', { name: 'Regenerate Menu' }).click();
    await eventually(() => ui().regenerateMenu === false, 'regenerateMenu to be saved');
    await page.keyboard.press('Escape');
    const before = suite.backend.state.completions.length;
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await eventually(() => suite.backend.state.completions.length > before, 'a direct regeneration');
    assert.equal(await page.getByRole('menu', { name: 'Regenerate' }).count(), 0);
    await page.getByText('5/5').waitFor();
    await page.close();
  });
});

describe('update notice and What\'s New', () => {
  // The stand-in's /api/config has the version check off; these pages see it on, as an admin's would.
  async function pageWithUpdateCheck() {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await reloadWithFeatures(page, { enable_version_update_check: true });
    await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
    return page;
  }

  test('What\'s New shows the changelog once after a version change; the notice of a newer version is not shown again once closed', async () => {
    const state = suite.backend.state;
    state.latestVersion = '0.6.40';
    state.changelog = { '0.6.32': { date: '2025-09-29', added: [{ title: 'Notes', content: 'shared editing', raw: '<p><strong>Notes</strong>: shared editing</p>' }] } };
    // a first sign-in (no version seen) shows nothing and only notes the version
    me().settings = { ui: {} };
    const first = await pageWithUpdateCheck();
    await eventually(() => ui().version === '0.6.32', 'the version noted on a first sign-in');
    assert.equal(await first.getByRole('dialog', { name: 'What\'s New in Open WebUI' }).count(), 0, 'no What\'s New on a first sign-in');
    await first.close();

    me().settings = { ui: { version: '0.6.31' } };
    const page = await pageWithUpdateCheck();
    const whatsNew = page.getByRole('dialog', { name: 'What\'s New in Open WebUI' });
    await whatsNew.getByText('v0.6.32 - 2025-09-29').waitFor();
    await whatsNew.getByText('shared editing').waitFor();
    await whatsNew.getByRole('button', { name: 'Okay, Let\'s Go!' }).click();
    await eventually(() => ui().version === '0.6.32', 'the seen version to be saved');

    const notice = page.getByRole('status', { name: 'Update available' });
    await notice.getByText('A new version (v0.6.40) is now available.').waitFor();
    await notice.getByRole('button', { name: 'Close' }).click();
    await notice.waitFor({ state: 'detached' });

    await page.reload();
    await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
    await eventually(() => state.calls.filter((c) => c === 'GET /api/version/updates').length >= 2, 'the second version check');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await notice.count(), 0, 'closed for 0.6.40');
    assert.equal(await whatsNew.count(), 0, 'already seen');

    state.latestVersion = '0.6.41';
    await page.reload();
    await notice.getByText('A new version (v0.6.41) is now available.').waitFor();

    const dialog = await openInterface(page);
    await dialog.getByRole('switch', { name: 'Toast notifications for new updates' }).click();
    await dialog.getByRole('switch', { name: 'Show "What\'s New" modal on login' }).click();
    await eventually(() => ui().showUpdateToast === false && ui().showChangelog === false, 'both switches to be saved');
    me().settings.ui.version = '0.6.30';
    await page.reload();
    await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await notice.count(), 0);
    assert.equal(await whatsNew.count(), 0);
    state.changelog = {};
    await page.close();
  });
});

describe('voice interruption in calls', () => {
  // A browser whose fake microphone keeps "speaking" (a steady tone): the user talks over the answer.
  let speaking;
  before(async () => (speaking = await launchBrowser({ microphone: speakingMicrophone() })));
  after(() => speaking?.close());

  test('off by default the answer is spoken on; turned on, speaking over it interrupts it and the call listens again', async () => {
    const audio = () => suite.backend.state.audio;
    const page = await speechPage({ ...suite, browser: speaking });
    const overlay = page.getByRole('dialog', { name: 'Call' });
    const callAndAsk = async () => {
      const spoken = audio().speech.length;
      audio().transcript = 'Tell me something slow';
      await page.getByRole('button', { name: 'Call' }).click();
      await overlay.getByText('Listening…').waitFor();
      await overlay.getByRole('button', { name: 'Done speaking' }).click();
      await eventually(() => audio().speech.length > spoken, 'the first sentence spoken');
      return spoken;
    };

    await callAndAsk();
    await overlay.getByText('Speaking…').waitFor();
    await page.waitForTimeout(1200);
    assert.equal(await overlay.getByText('Speaking…').count(), 1, 'without voice interruption the user\'s voice does not stop the answer');
    await overlay.getByRole('button', { name: 'End call' }).click();
    await overlay.waitFor({ state: 'detached' });
    await page.locator('[data-testid="assistant-message"][aria-busy="true"]').waitFor({ state: 'detached', timeout: 20000 });

    const dialog = await openInterface(page);
    await dialog.getByRole('switch', { name: 'Allow Voice Interruption in Call' }).click();
    await eventually(() => ui().voiceInterruption === true, 'voiceInterruption to be saved');
    await page.keyboard.press('Escape');

    const spoken = await callAndAsk();
    await overlay.getByText('Listening…').waitFor();
    const afterInterrupt = audio().speech.length;
    await page.waitForTimeout(1500);
    assert.equal(audio().speech.length, afterInterrupt, 'nothing more is spoken after the interruption');
    assert.ok(afterInterrupt - spoken <= 3, `only the sentence playing and the next were fetched (${afterInterrupt - spoken})`);
    await overlay.getByRole('button', { name: 'End call' }).click();
    audio().transcript = undefined;
    await page.context().close();
  });
});
