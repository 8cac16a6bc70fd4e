// Debian's chromium driven by playwright-core (Playwright's own browser download does not work here).
import { mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { silentWav, toneWav } from './wav.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable() {
  return existsSync(CHROMIUM);
}

/** A fresh profile directory per run (Playwright passes it as --user-data-dir). */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'owui-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
}

// Chromium's own fake microphone gives short beeps; call mode's silence detector samples the level
// every 100 ms, so under load it caught one beep, missed the next ones and ended a turn by itself in
// the middle of a test. The fake microphone plays this silence instead.
function silentMicrophone() {
  const file = join(tmpdir(), 'owui-e2e-silent-microphone.wav');
  writeFileSync(file, silentWav(48000, 16));
  return file;
}

/** A fake microphone that never stops "speaking" (a steady tone), for voice interruption. */
export function speakingMicrophone() {
  const file = join(tmpdir(), 'owui-e2e-speaking-microphone.wav');
  writeFileSync(file, toneWav(48000));
  return file;
}

/** One chromium with independent contexts (separate storage), for tests with several users at once. */
export async function launchBrowser({ microphone = silentMicrophone() } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // a fake camera and a fake microphone (silent unless `microphone` names another WAV) that need no permission prompt, audio that plays
    // without a gesture, and screen sharing (getDisplayMedia) that picks the whole screen without asking
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${microphone}`, '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required', '--auto-select-desktop-capture-source=Entire screen']
  });
}
