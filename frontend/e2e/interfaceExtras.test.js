// Browser tests of the stock interface extras: the user's location, the regenerate menu, the update
// toast and "What's New", and voice interruption in calls.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { askAndWait, eventually, openSettingsTab, pageFor, standInSuite } from './support.js';

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
