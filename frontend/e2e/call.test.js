// Browser tests of call mode (a fake microphone; the stand-in transcribes and speaks) and of
// Settings › Audio (the user's speech settings under the stock keys, used by the microphone,
// read-aloud and auto-playback).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually, messageText, speechPage, standInSuite } from './support.js';

const suite = standInSuite();
const ui = () => suite.backend.state.users.find((u) => u.id === suite.session.id).settings?.ui ?? {};
const audio = () => suite.backend.state.audio;

test('call mode: record, transcribe, send, speak the answer sentence by sentence while it streams, interrupt, end', async () => {
  const page = await speechPage(suite);
  const callChunks = [];
  page.on('request', (r) => /CallOverlay[^/]*\.js$/.test(r.url()) && callChunks.push(r.url()));
  const recordings = audio().recordings.length;
  const spoken = audio().speech.length;
  const completions = suite.backend.state.completions.length;

  // turn 1: a long answer, spoken while it streams, then interrupted
  audio().transcript = 'Tell me something slow';
  await page.getByRole('button', { name: 'Call' }).click();
  const overlay = page.getByRole('dialog', { name: 'Call' });
  await overlay.getByText('Listening…').waitFor();
  assert.equal(callChunks.length, 1, 'call mode is fetched when a call starts');
  await overlay.getByRole('button', { name: 'Done speaking' }).click();
  await eventually(() => audio().recordings.length === recordings + 1, 'the transcription request');
  await eventually(() => suite.backend.state.completions.length === completions + 1, 'the message sent');
  const asked = suite.backend.state.completions.at(-1).messages.at(-1);
  assert.deepEqual(asked, { role: 'user', content: 'Tell me something slow' });
  await eventually(() => audio().speech.length > spoken, 'the first sentence spoken');
  assert.equal(audio().speech[spoken].input, 'Thinking slowly.');
  assert.equal(audio().speech[spoken].voice, 'nova');
  assert.equal(await page.locator('[data-testid="assistant-message"][aria-busy="true"]').count(), 1, 'spoken while the answer still streams');
  await overlay.getByText('Speaking…').waitFor();
  await overlay.getByRole('button', { name: 'Interrupt' }).click();
  await overlay.getByText('Listening…').waitFor();
  const afterInterrupt = audio().speech.length;
  await page.waitForTimeout(1500);
  assert.equal(audio().speech.length, afterInterrupt, 'nothing more is spoken after the interruption');
  assert.ok(afterInterrupt - spoken <= 3, `only the sentence playing and the next were fetched (${afterInterrupt - spoken})`);

  // turn 2: a short answer spoken to its end, then the call listens again
  await page.locator('[data-testid="assistant-message"][aria-busy="true"]').waitFor({ state: 'detached', timeout: 20000 });
  audio().transcript = 'Hello there';
  await overlay.getByRole('button', { name: 'Done speaking' }).click();
  await eventually(() => suite.backend.state.completions.at(-1).messages.at(-1).content === 'Hello there', 'the second message');
  await eventually(() => audio().speech.at(-1).input.startsWith('You said: Hello there'), 'the second answer spoken');
  await overlay.getByText('Listening…').waitFor({ timeout: 15000 });
  assert.equal(audio().recordings.length, recordings + 2);

  await overlay.getByRole('button', { name: 'End call' }).click();
  await overlay.waitFor({ state: 'detached' });
  const total = audio().speech.length;
  await page.waitForTimeout(500);
  assert.equal(audio().speech.length, total);
  assert.equal(audio().recordings.length, recordings + 2, 'ending the call sends no recording');
  audio().transcript = undefined;
  await page.context().close();
});

test('video call: with the camera on, each message of the call carries a frame as an image_url part; off, none', async () => {
  const page = await speechPage(suite);
  audio().transcript = 'What do you see';
  await page.getByRole('button', { name: 'Call' }).click();
  const overlay = page.getByRole('dialog', { name: 'Call' });
  await overlay.getByText('Listening…').waitFor();
  await overlay.getByRole('button', { name: 'Turn on camera' }).click();
  const video = overlay.getByLabel('Camera');
  await video.waitFor();
  await eventually(async () => (await video.evaluate((v) => v.videoWidth)) > 0, 'the camera preview');
  const completions = suite.backend.state.completions.length;
  await overlay.getByRole('button', { name: 'Done speaking' }).click();
  await eventually(() => suite.backend.state.completions.length === completions + 1, 'the message sent');
  const parts = suite.backend.state.completions.at(-1).messages.at(-1).content;
  assert.ok(Array.isArray(parts), 'the message is sent as parts');
  assert.deepEqual(parts[0], { type: 'text', text: 'What do you see' });
  assert.equal(parts.length, 2);
  assert.equal(parts[1].type, 'image_url');
  assert.match(parts[1].image_url.url, /^data:image\/png;base64,.{100,}/);
  await page.getByText('Images seen: 1').waitFor({ timeout: 15000 });
  await overlay.getByText('Listening…').waitFor({ timeout: 15000 });

  // camera off: the next message is text only
  await overlay.getByRole('button', { name: 'Turn off camera' }).click();
  await video.waitFor({ state: 'detached' });
  audio().transcript = 'Now without video';
  await overlay.getByRole('button', { name: 'Done speaking' }).click();
  await eventually(() => suite.backend.state.completions.length === completions + 2, 'the second message');
  assert.deepEqual(suite.backend.state.completions.at(-1).messages.at(-1), { role: 'user', content: 'Now without video' });
  await overlay.getByRole('button', { name: 'End call' }).click();
  assert.equal(await page.evaluate(() => document.querySelectorAll('video').length), 0);
  audio().transcript = undefined;
  await page.context().close();
});

test('Settings › Audio: voice, speed, language and auto-playback saved under the stock keys and applied', async () => {
  const page = await speechPage(suite);
  await page.addInitScript(() => {
    window.__rates = [];
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function () {
      window.__rates.push(this.playbackRate);
      return play.call(this);
    };
  });
  await page.reload();
  await page.getByRole('button', { name: 'Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('tab', { name: 'Audio' }).click();
  await dialog.getByLabel('Voice', { exact: true }).fill('af_bella');
  await dialog.getByLabel('Playback speed').fill('1.5');
  await dialog.getByLabel('Language of your speech').fill('de');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await eventually(() => ui().audio?.tts?.voice === 'af_bella', 'the audio settings saved');
  assert.deepEqual(ui().audio, { stt: { language: 'de' }, tts: { playbackRate: 1.5, voice: 'af_bella', defaultVoice: 'nova' } });
  await dialog.getByRole('switch', { name: 'Read answers aloud when they finish' }).click();
  await eventually(() => ui().responseAutoPlayback === true, 'responseAutoPlayback saved');
  await dialog.getByLabel('Playback speed').fill('9');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Playback speed must be a number between 0 and 4').waitFor();
  assert.equal(ui().audio.tts.playbackRate, 1.5);
  await page.keyboard.press('Escape');

  // the answer is read aloud by itself, with the user's voice and speed
  const spoken = audio().speech.length;
  await page.getByLabel('Message', { exact: true }).fill('Read this to me');
  await page.keyboard.press('Enter');
  // Found by its text: a speech request of the earlier steps may still land after `spoken` was read.
  const readAloud = () => audio().speech.slice(spoken).find((s) => /^You said: Read this to me/.test(s.input));
  await eventually(() => readAloud(), 'the answer read aloud without a click');
  assert.equal(readAloud().voice, 'af_bella');
  await eventually(async () => (await page.evaluate(() => window.__rates)).includes(1.5), 'played at 1.5×');

  // the microphone sends the chosen language
  const recordings = audio().recordings.length;
  await page.getByRole('button', { name: 'Dictate' }).click();
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await eventually(() => audio().recordings.length === recordings + 1, 'the transcription request');
  assert.equal(audio().recordings.at(-1).language, 'de');
  assert.equal(await messageText(page), 'Hello from the microphone', 'without auto-send the words wait in the box');

  // with "send right after dictation" the words go out by themselves
  await page.getByLabel('Message', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await dialog.getByRole('tab', { name: 'Audio' }).click();
  await dialog.getByRole('switch', { name: 'Send the message right after dictation' }).click();
  await eventually(() => ui().speechAutoSend === true, 'speechAutoSend saved');
  await page.keyboard.press('Escape');
  const completions = suite.backend.state.completions.length;
  await page.getByRole('button', { name: 'Dictate' }).click();
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await eventually(() => suite.backend.state.completions.length === completions + 1, 'the dictated message sent');
  assert.equal(suite.backend.state.completions.at(-1).messages.at(-1).content, 'Hello from the microphone');
  await page.context().close();
});
