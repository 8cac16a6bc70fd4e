// Debian's chromium driven by playwright-core (Playwright's own browser download does not work here).
import { mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

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

/**
 * 1 s of 16-bit 48 kHz mono silence for the fake microphone. Chromium's own fake microphone gives
 * short beeps; call mode's silence detector samples the level every 100 ms, so under load it caught
 * one beep, missed the next ones and ended a turn by itself in the middle of a test.
 */
function silentMicrophone() {
  const samples = 48000;
  const wav = Buffer.alloc(44 + samples * 2, 0);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(48000, 24);
  wav.writeUInt32LE(96000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  const file = join(tmpdir(), 'owui-e2e-silent-microphone.wav');
  writeFileSync(file, wav);
  return file;
}

/** One chromium with independent contexts (separate storage), for tests with several users at once. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // a fake camera and a silent fake microphone that need no permission prompt, audio that plays
    // without a gesture, and screen sharing (getDisplayMedia) that picks the whole screen without asking
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${silentMicrophone()}`, '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required', '--auto-select-desktop-capture-source=Entire screen']
  });
}
