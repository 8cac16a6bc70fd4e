// Browser tests of call mode's extras: emoji mode (Settings › Interface "Display Emoji in Call",
// stored as the stock `showEmojiInCall`; the stand-in answers the emoji task as api-service does) and
// the video source picker (chromium's fake camera, and the screen through getDisplayMedia).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually, speechPage, standInSuite } from './support.js';

const suite = standInSuite();
const ui = () => suite.backend.state.users.find((u) => u.id === suite.session.id).settings?.ui ?? {};
const audio = () => suite.backend.state.audio;
const completions = () => suite.backend.state.completions;

async function setEmojiMode(page, on) {
  await page.getByRole('button', { name: 'Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('tab', { name: 'Interface' }).click();
  const box = dialog.getByRole('switch', { name: 'Display Emoji in Call' });
  assert.equal(await box.isChecked(), !on);
  await box.click();
  await eventually(() => ui().showEmojiInCall === on, `showEmojiInCall saved as ${on}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

/** One turn of the call: `words` said, the message sent; resolves once the whole answer was spoken. */
async function turn(overlay, words) {
  const sent = completions().length;
  const spoken = audio().speech.length;
  audio().transcript = words;
  await overlay.getByRole('button', { name: 'Done speaking' }).click();
  await eventually(() => completions().length === sent + 1, 'the message sent');
  await overlay.getByText('Speaking…').waitFor({ timeout: 15000 });
  await overlay.getByText('Listening…').waitFor({ timeout: 30000 });
  return audio().speech.slice(spoken).map((s) => s.input);
}

/** Collects every emoji the overlay shows until stopped. */
function watchEmoji(emoji) {
  const seen = [];
  const timer = setInterval(async () => {
    const text = await emoji.textContent({ timeout: 50 }).catch(() => null);
    if (text) seen.push(text);
  }, 50);
  return { stop: () => (clearInterval(timer), seen) };
}

test('emoji mode: each spoken sentence shows its emoji; a failing emoji task leaves the usual indicator; off, none is asked', async () => {
  const page = await speechPage(suite);
  await setEmojiMode(page, true);
  const emoji = page.getByTestId('call-emoji');
  const orb = page.locator('.orb');

  await page.getByRole('button', { name: 'Call' }).click();
  const overlay = page.getByRole('dialog', { name: 'Call' });
  await overlay.getByText('Listening…').waitFor();
  const asked = audio().emoji.length;
  const spokenFrom = audio().speech.length;
  const sent = completions().length;
  audio().transcript = 'Hello there.';
  await overlay.getByRole('button', { name: 'Done speaking' }).click();
  // the answer's first sentence ("You said: Hello there.") shows 👋 while it is spoken, the second (about code) 💻
  await emoji.filter({ hasText: '👋' }).waitFor({ timeout: 15000 });
  await overlay.getByText('Speaking…').waitFor();
  assert.equal(await orb.count(), 0, 'the emoji replaces the speaking indicator');
  await emoji.filter({ hasText: '💻' }).waitFor({ timeout: 15000 });
  await overlay.getByText('Listening…').waitFor({ timeout: 30000 });
  assert.equal(await emoji.count(), 0, 'no emoji while listening');
  await orb.waitFor();
  // one emoji asked per spoken sentence, with the sentence, the answering model and the chat
  const completion = completions()[sent];
  const spoken = audio().speech.slice(spokenFrom).map((s) => s.input);
  assert.equal(spoken[0], 'You said: Hello there.');
  assert.ok(spoken.length >= 2, spoken.join(' | '));
  assert.deepEqual(audio().emoji.slice(asked), spoken.map((prompt) => ({ model: completion.model, prompt, chat_id: completion.chat_id })));

  // the emoji task failing: the answer is still spoken to its end, with the usual indicator
  audio().emojiFails = true;
  const failedFrom = audio().emoji.length;
  const shown = watchEmoji(emoji);
  const failed = await turn(overlay, 'Hello again.');
  assert.deepEqual(failed.slice(0, 1), ['You said: Hello again.']);
  assert.equal(audio().emoji.length - failedFrom, failed.length, 'the emoji was asked for each sentence');
  assert.deepEqual(shown.stop(), [], 'no emoji shown');
  audio().emojiFails = false;
  await overlay.getByRole('button', { name: 'End call' }).click();
  await overlay.waitFor({ state: 'detached' });

  // switched off: a whole answer spoken without asking for an emoji
  await setEmojiMode(page, false);
  await page.getByRole('button', { name: 'Call' }).click();
  await overlay.getByText('Listening…').waitFor();
  const before = audio().emoji.length;
  const none = watchEmoji(emoji);
  const plain = await turn(overlay, 'Hello without emoji.');
  assert.deepEqual(plain.slice(0, 1), ['You said: Hello without emoji.']);
  assert.equal(audio().emoji.length, before, 'no emoji asked with the switch off');
  assert.deepEqual(none.stop(), [], 'no emoji shown');
  await overlay.getByRole('button', { name: 'End call' }).click();
  audio().transcript = undefined;
  await page.context().close();
});

/** The width and height of a PNG data URL (its IHDR chunk). */
function pngSize(url) {
  const png = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** What the preview shows: its size and whether the stream is a shared screen. */
const previewOf = (video) =>
  video.evaluate((v) => ({ size: [v.videoWidth, v.videoHeight], screen: !!v.srcObject?.getVideoTracks()[0]?.getSettings().displaySurface, label: v.srcObject?.getVideoTracks()[0]?.label }));

const previewPlaying = (video) => eventually(async () => (await video.evaluate((v) => v.videoWidth)) > 0, 'the preview playing');

async function frameSent(overlay, words) {
  const sent = completions().length;
  audio().transcript = words;
  await overlay.getByRole('button', { name: 'Done speaking' }).click();
  await eventually(() => completions().length === sent + 1, 'the message sent');
  const parts = completions().at(-1).messages.at(-1).content;
  assert.ok(Array.isArray(parts), 'the message is sent as parts');
  assert.deepEqual(parts[0], { type: 'text', text: words });
  assert.equal(parts[1].type, 'image_url');
  assert.match(parts[1].image_url.url, /^data:image\/png;base64,/);
  await overlay.getByText('Listening…').waitFor({ timeout: 30000 });
  return pngSize(parts[1].image_url.url);
}

test('video call: the cameras and the screen offered as sources; the screen picked sends its frame, then back to the camera', async () => {
  const page = await speechPage(suite);
  await page.getByRole('button', { name: 'Call' }).click();
  const overlay = page.getByRole('dialog', { name: 'Call' });
  await overlay.getByText('Listening…').waitFor();
  await overlay.getByRole('button', { name: 'Turn on camera' }).click();
  const video = overlay.locator('video');
  await previewPlaying(video);
  const camera = await previewOf(video);
  assert.equal(camera.screen, false);
  assert.equal(await video.getAttribute('aria-label'), 'Camera');

  // the sources: each camera the browser lists, by its label, then the screen
  const picker = overlay.getByLabel('Video source');
  const cameras = await page.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').map((d) => d.label));
  assert.ok(cameras.length >= 1 && cameras.every(Boolean), `labelled cameras (${cameras})`);
  const options = await picker.locator('option').allTextContents();
  assert.deepEqual(options, [...cameras, 'Screen']);
  assert.equal(await picker.evaluate((s) => s.selectedOptions[0].textContent), camera.label);

  // the screen: the preview shows it and the next message carries a frame of its size
  await picker.selectOption({ label: 'Screen' });
  await eventually(async () => (await previewOf(video)).screen, 'the shared screen in the preview');
  await previewPlaying(video);
  const screen = await previewOf(video);
  assert.equal(await video.getAttribute('aria-label'), 'Screen', 'the preview says what it shows');
  assert.notDeepEqual(screen.size, camera.size, 'the screen and the fake camera differ in size');
  assert.deepEqual(await frameSent(overlay, 'What is on my screen'), screen.size);

  // back to the camera
  await picker.selectOption({ label: camera.label });
  await eventually(async () => !(await previewOf(video)).screen, 'the camera in the preview again');
  await previewPlaying(video);
  assert.deepEqual(await frameSent(overlay, 'And now the camera'), camera.size);
  assert.equal(await video.getAttribute('aria-label'), 'Camera');
  assert.equal(await page.evaluate(() => document.querySelectorAll('video').length), 1);

  await overlay.getByRole('button', { name: 'End call' }).click();
  await overlay.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.querySelectorAll('video').length), 0);
  audio().transcript = undefined;
  await page.context().close();
});
