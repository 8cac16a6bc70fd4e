// Shared pieces of the note editor's browser tests: the stand-in with notes on, Ada (admin) and Bob
// (a user) signed in in two browser contexts, a new note, and sharing it with Bob.
import { after, before } from 'node:test';
import { launchBrowser } from './browser.js';
import { startStandIn } from './stand-in-backend.js';
import { pageFor, signUp } from './support.js';

/** Starts them before the tests and closes them after; the returned object is filled in before the tests run. */
export function notesSuite() {
  const suite = { backend: null, browser: null, ada: null, bob: null, bobUser: null };
  before(async () => {
    suite.backend = await startStandIn({ staticDir: new URL('../dist', import.meta.url).pathname });
    Object.assign(suite.backend.state.authConfig, { ENABLE_NOTES: true, DEFAULT_USER_ROLE: 'user' });
    const adaSession = await signUp(suite.backend, 'Ada Admin', 'ada@example.com');
    const bobSession = await signUp(suite.backend, 'Bob Builder', 'bob@example.com');
    suite.bobUser = suite.backend.state.users.find((u) => u.id === bobSession.id);
    suite.browser = await launchBrowser();
    suite.ada = await pageFor(suite.browser, suite.backend, adaSession);
    suite.bob = await pageFor(suite.browser, suite.backend, bobSession);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.backend?.close();
  });
  return suite;
}

/** Makes a note from the notes list and opens it; returns its id. */
export async function newNote(page, backend) {
  await page.goto(`${backend.url}/notes`);
  await page.getByRole('button', { name: 'New note' }).click();
  await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop();
}

/** Gives Bob read access to the open note from its Access panel (left open); `write` as well when asked. */
export async function shareWithBob(page, level = 'read') {
  await page.getByRole('button', { name: 'Access' }).click();
  await page.getByLabel('Add user').fill('bob');
  await page.getByRole('option', { name: /Bob Builder/ }).click();
  if (level === 'write') await page.getByLabel('Access of Bob Builder').selectOption('write');
}
