// Browser tests of the artifacts panel: html/css/js answers rendered in a sandboxed frame that
// cannot reach the app's window, versions across answers, and the interface switch that turns
// the automatic opening off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { askAndWait, eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();
const ui = () => suite.backend.state.users.find((u) => u.id === suite.session.id).settings?.ui ?? {};

const ask = (page, text) => askAndWait(suite.backend, page, text);

test('an html answer opens the artifacts panel: rendered in a sandbox that cannot read the app, with versions', async () => {
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  const chunks = [];
  page.on('request', (r) => /Artifacts[^/]*\.js$/.test(r.url()) && chunks.push(r.url()));
  await page.context().addCookies([{ name: 'secret', value: 'app-cookie', url: suite.backend.url ?? page.url() }]);
  await ask(page, 'plain question');
  assert.equal(chunks.length, 0, 'the panel is not fetched for answers without artifacts');
  assert.equal(await page.getByRole('button', { name: 'Artifacts' }).count(), 0);

  await ask(page, 'artifact one');
  const panel = page.getByRole('complementary', { name: 'Artifacts' });
  await panel.waitFor();
  assert.equal(chunks.length, 1);
  const iframe = panel.locator('iframe');
  assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts');
  const frame = panel.frameLocator('iframe');
  await frame.getByText('Artifact artifact one').waitFor();
  assert.equal(await frame.locator('h1').evaluate((e) => getComputedStyle(e).color), 'rgb(200, 0, 0)', 'the css block is applied');
  await eventually(async () => (await frame.locator('#probe').textContent()) !== 'pending', 'the script ran');
  assert.equal(await frame.locator('#probe').textContent(), 'parent blocked | cookie blocked | storage blocked');
  await panel.getByText('Version 1 of 1').waitFor();

  await ask(page, 'artifact two');
  await panel.getByText('Version 2 of 2').waitFor();
  await frame.getByText('Artifact artifact two').waitFor();
  await panel.getByRole('button', { name: 'Previous version' }).click();
  await panel.getByText('Version 1 of 2').waitFor();
  await frame.getByText('Artifact artifact one').waitFor();
  assert.equal(await panel.getByRole('button', { name: 'Previous version' }).isDisabled(), true);

  // copy puts the composed page on the clipboard
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByRole('button', { name: 'Copy' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^<!DOCTYPE html>/);
  assert.ok(copied.includes('Artifact artifact one') && copied.includes('rgb(200, 0, 0)'));

  // full screen shows the frame itself
  await panel.getByRole('button', { name: 'Open in full screen' }).click();
  await eventually(async () => (await page.evaluate(() => document.fullscreenElement?.tagName)) === 'IFRAME', 'the frame in full screen');
  await page.evaluate(() => document.exitFullscreen());

  // closed, it stays closed until a new version; the header button opens it again
  await panel.getByRole('button', { name: 'Close artifacts' }).click();
  await panel.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Artifacts' }).click();
  await panel.getByText('Version 2 of 2').waitFor();
  await page.context().close();
});

test('with "Detect Artifacts Automatically" off, the panel opens only from its button', async () => {
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  await page.getByRole('button', { name: 'Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('tab', { name: 'Interface' }).click();
  const sw = dialog.getByRole('switch', { name: 'Detect Artifacts Automatically' });
  assert.equal(await sw.isChecked(), true, 'on by default, as in stock');
  await sw.click();
  await eventually(() => ui().detectArtifacts === false, 'detectArtifacts saved');
  await page.keyboard.press('Escape');

  await ask(page, 'artifact three');
  await page.getByRole('button', { name: 'Artifacts' }).waitFor();
  assert.equal(await page.getByRole('complementary', { name: 'Artifacts' }).count(), 0);
  await page.getByRole('button', { name: 'Artifacts' }).click();
  await page.getByRole('complementary', { name: 'Artifacts' }).frameLocator('iframe').getByText('Artifact artifact three').waitFor();
  await page.context().close();
});
