// Telling the user an answer finished while they looked elsewhere (Settings › Notifications), with
// the stock UI's `ui` keys: `notificationEnabled` (a browser notification, off by default),
// `notificationSound` (a short chime, on by default) and `notificationSoundAlways` (the chime also
// while the app is in view).
import type { UiSettings } from './types';

export interface Signals {
  notification: boolean;
  sound: boolean;
}

/**
 * What to do for a finished answer; `away` is true when the tab is hidden or unfocused, `lastTab`
 * when this is the tab the user was in last (with several tabs open, only that one signals, as in
 * the stock UI; the "always" sound plays in every tab).
 */
export function signalsFor(settings: UiSettings, away: boolean, lastTab = true): Signals {
  return {
    notification: lastTab && away && settings.notificationEnabled === true,
    sound: settings.notificationSoundAlways === true || (lastTab && away && settings.notificationSound !== false)
  };
}

const TAB = typeof crypto !== 'undefined' && crypto.randomUUID ? crypto.randomUUID() : String(Math.random());
const LAST_TAB_KEY = 'lastActiveTab';

function markActive(): void {
  if (document.visibilityState === 'visible') localStorage.setItem(LAST_TAB_KEY, TAB);
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  markActive();
  window.addEventListener('focus', markActive);
  document.addEventListener('visibilitychange', markActive);
}

const lastTab = (): boolean => (localStorage.getItem(LAST_TAB_KEY) ?? TAB) === TAB;

export function away(): boolean {
  return document.visibilityState === 'hidden' || !document.hasFocus();
}

/** A short two-note chime made in the browser (no sound file to fetch). */
export function chime(): void {
  const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return;
  const ctx = new Context();
  const gain = ctx.createGain();
  gain.connect(ctx.destination);
  gain.gain.setValueAtTime(0.0001, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.5);
  [880, 1320].forEach((freq, i) => {
    const osc = ctx.createOscillator();
    osc.frequency.value = freq;
    osc.connect(gain);
    osc.start(ctx.currentTime + i * 0.12);
    osc.stop(ctx.currentTime + 0.5);
  });
  setTimeout(() => void ctx.close(), 800);
}

/** Signals a finished answer of chat `title` as the user's settings ask. */
export function answerFinished(settings: UiSettings, title: string, content: string, onOpen?: () => void): void {
  const signals = signalsFor(settings, away(), lastTab());
  if (signals.sound) {
    try {
      chime();
    } catch {
      // no audio output: the notification still goes out
    }
  }
  if (!signals.notification || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const shown = new Notification(`${title} • Open WebUI`, { body: content.slice(0, 200)});
  shown.onclick = () => {
    window.focus();
    onOpen?.();
    shown.close();
  };
}
