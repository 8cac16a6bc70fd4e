// Browser tests of webhooks: the admin's URL and the switch for users' own webhooks (Admin › General),
// and a user's own URL (Settings › Notifications), offered only while the admin allows it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually, openSettingsTab, pageFor, standInSuite } from './support.js';

const suite = standInSuite();
const ui = () => suite.backend.state.users.find((u) => u.id === suite.session.id).settings?.ui ?? {};

test("Admin › General keeps the admin's webhook URL and allows users' webhooks", async () => {
  suite.backend.state.authConfig.ENABLE_USER_WEBHOOKS = false;
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  const settings = await openSettingsTab(page, 'Notifications');
  assert.equal(await settings.getByRole('textbox', { name: 'Notification webhook' }).count(), 0, 'no field while the admin does not allow user webhooks');
  await page.keyboard.press('Escape');

  await page.goto(`${suite.backend.url}/admin`);
  await page.getByRole('tab', { name: 'General' }).click();
  const general = page.getByRole('form', { name: 'General' });
  await general.getByLabel("Allow users' notification webhooks").check();
  await general.getByRole('button', { name: 'Save' }).click();
  await eventually(() => suite.backend.state.authConfig.ENABLE_USER_WEBHOOKS === true, 'ENABLE_USER_WEBHOOKS saved');

  const webhook = page.getByRole('form', { name: 'Webhook' });
  await webhook.getByLabel('Webhook URL (told of every sign-up)').fill(' https://hooks.example.org/signups ');
  await webhook.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Webhook saved').waitFor();
  assert.equal(suite.backend.state.webhookUrl, 'https://hooks.example.org/signups');
  await page.reload();
  await page.getByRole('tab', { name: 'General' }).click();
  assert.equal(await page.getByRole('form', { name: 'Webhook' }).getByLabel('Webhook URL (told of every sign-up)').inputValue(), 'https://hooks.example.org/signups');
  await page.context().close();
});

test('Settings › Notifications saves the user\'s webhook under the stock key and refuses a non-http address', async () => {
  suite.backend.state.authConfig.ENABLE_USER_WEBHOOKS = true;
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  const settings = await openSettingsTab(page, 'Notifications');
  const form = settings.getByRole('form', { name: 'Notification webhook' });
  await form.getByRole('textbox', { name: 'Notification webhook' }).fill('ftp://files.example.org/drop');
  await form.getByRole('button', { name: 'Save webhook' }).click();
  await page.getByText('The webhook URL must start with http:// or https://').waitFor();
  assert.equal(ui().notifications?.webhook_url, undefined, 'nothing saved');

  await form.getByRole('textbox', { name: 'Notification webhook' }).fill('https://ntfy.example.org/ada');
  await form.getByRole('button', { name: 'Save webhook' }).click();
  await eventually(() => ui().notifications?.webhook_url === 'https://ntfy.example.org/ada', 'ui.notifications.webhook_url saved');
  await page.reload();
  const again = await openSettingsTab(page, 'Notifications');
  assert.equal(await again.getByRole('textbox', { name: 'Notification webhook' }).inputValue(), 'https://ntfy.example.org/ada');
  await page.context().close();
});
