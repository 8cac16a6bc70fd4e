// Browser tests of speech: the microphone button (a fake microphone, the recording uploaded and its
// transcript put in the message box) and read-aloud on an answer (the speech fetched and played).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually, messageText, speechPage as speechPageOf, standInSuite } from './support.js';

const suite = standInSuite();
const speechPage = () => speechPageOf(suite);

test('the microphone records, and the transcript lands in the message box', async () => {
  const page = await speechPage();
  const box = page.getByLabel('Message', { exact: true });
  await box.fill('Note:');
  await page.getByRole('button', { name: 'Dictate' }).click();
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await eventually(async () => (await messageText(page)) === 'Note: Hello from the microphone', 'the transcript in the box');
  const [recording] = suite.backend.state.audio.recordings;
  assert.match(recording.filename, /^recording\.(webm|ogg|m4a)$/);
  assert.match(recording.type, /^audio\//);
  assert.equal(recording.language, 'en');
  await page.getByRole('button', { name: 'Dictate' }).waitFor();
  await page.context().close();
});

test('an answer is read aloud and can be stopped', async () => {
  const page = await speechPage();
  await page.getByLabel('Message', { exact: true }).fill('Say something');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 15000 });
  const answer = page.getByTestId('assistant-message').last();
  const text = (await answer.innerText()).trim();
  await answer.getByRole('button', { name: 'Read aloud' }).click();
  await eventually(() => suite.backend.state.audio.speech.length === 1, 'the speech request');
  const [request] = suite.backend.state.audio.speech;
  assert.equal(request.voice, 'nova');
  assert.ok(request.input.length > 0 && text.includes(request.input.split(' ')[0]), `${request.input} / ${text}`);
  // the 1 s clip plays to its end and the button offers reading again, with no error shown
  await answer.getByRole('button', { name: 'Stop reading' }).waitFor();
  await answer.getByRole('button', { name: 'Read aloud' }).waitFor({ timeout: 10000 });
  assert.equal((await page.locator('.toasts').innerText()).trim(), '');

  await answer.getByRole('button', { name: 'Read aloud' }).click();
  await answer.getByRole('button', { name: 'Stop reading' }).click();
  await answer.getByRole('button', { name: 'Read aloud' }).waitFor();
  assert.equal(suite.backend.state.audio.speech.length, 2);
  await page.context().close();
});
