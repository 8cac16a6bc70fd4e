import { describe, expect, it } from 'vitest';
import { autoPlayback, autoSend, playbackRate, serverSpeaks, sttInBrowser, sttLanguage, ttsVoice } from '../src/lib/audio/prefs';
import { nextSentences, sentences } from '../src/lib/audio/sentences';
import { silenceAfterSpeech, speechStarted } from '../src/lib/audio/silence';
import { signalsFor } from '../src/lib/notify';

describe('speech settings (stock keys)', () => {
  it('recognises in the browser when the admin or the user chose "web"', () => {
    expect(sttInBrowser({}, { stt: { engine: 'openai' } })).toBe(false);
    expect(sttInBrowser({ audio: { stt: { engine: 'web' } } }, { stt: { engine: 'openai' } })).toBe(true);
    expect(sttInBrowser({}, { stt: { engine: 'web' } })).toBe(true);
  });

  it("sends the user's language, else the interface language", () => {
    expect(sttLanguage({ audio: { stt: { language: 'de' } } }, 'zh-CN')).toBe('de');
    expect(sttLanguage({}, 'zh-CN')).toBe('zh');
  });

  it("keeps the user's voice only while the admin's default is the one it was chosen against", () => {
    const own = { audio: { tts: { voice: 'onyx', defaultVoice: 'alloy' } } };
    expect(ttsVoice(own, { tts: { engine: 'openai', voice: 'alloy' } })).toBe('onyx');
    expect(ttsVoice(own, { tts: { engine: 'openai', voice: 'nova' } })).toBe('nova');
    expect(ttsVoice({}, { tts: { voice: '' } })).toBeUndefined();
  });

  it('reads the playback speed (1 when unset or invalid) and the switches', () => {
    expect(playbackRate({ audio: { tts: { playbackRate: 1.5 } } })).toBe(1.5);
    expect(playbackRate({ audio: { tts: { playbackRate: -2 } } })).toBe(1);
    expect(playbackRate({})).toBe(1);
    expect(autoPlayback({ responseAutoPlayback: true })).toBe(true);
    expect(autoSend({})).toBe(false);
    expect(serverSpeaks({ tts: { engine: '' } })).toBe(false);
  });
});

describe('call mode sentences', () => {
  it('hands out complete sentences only, the last one when the answer is done', () => {
    expect(nextSentences('Hello there. How are', 0, false)).toEqual(['Hello there.']);
    expect(nextSentences('Hello there. How are you? Fine', 1, false)).toEqual(['How are you?']);
    expect(nextSentences('Hello there. How are you? Fine', 2, true)).toEqual(['Fine']);
  });

  it('leaves code and markup out and splits Chinese sentences', () => {
    expect(nextSentences('**Look:**\n\n```js\nx = 1. y = 2.\n```\n\nDone.', 0, true)).toEqual(['Look: Done.']);
    expect(sentences('你好。今天天气很好！')).toEqual(['你好。', '今天天气很好！']);
  });
});

describe('silence detection', () => {
  it('ends a turn after speech followed by enough quiet, not before speech', () => {
    expect(silenceAfterSpeech([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 100)).toBe(false);
    expect(silenceAfterSpeech([0.1, 0.2, ...Array(15).fill(0)], 100)).toBe(true);
    expect(silenceAfterSpeech([0.1, ...Array(10).fill(0), 0.1, ...Array(5).fill(0)], 100)).toBe(false);
  });

  it('hears the user start speaking over an answer (voice interruption) only after two loud samples in a row', () => {
    expect(speechStarted([])).toBe(false);
    expect(speechStarted([0, 0, 0.1])).toBe(false);
    expect(speechStarted([0, 0.1, 0, 0.1])).toBe(false);
    expect(speechStarted([0, 0.1, 0.2])).toBe(true);
  });
});

describe('notifications (stock keys)', () => {
  it('notifies only when enabled and away; the sound defaults on when away, always when asked', () => {
    expect(signalsFor({}, true)).toEqual({ notification: false, sound: true });
    expect(signalsFor({}, false)).toEqual({ notification: false, sound: false });
    expect(signalsFor({ notificationEnabled: true, notificationSound: false }, true)).toEqual({ notification: true, sound: false });
    expect(signalsFor({ notificationEnabled: true }, false)).toEqual({ notification: false, sound: false });
    expect(signalsFor({ notificationSoundAlways: true }, false)).toEqual({ notification: false, sound: true });
    // another tab was used last: only the "always" sound plays here
    expect(signalsFor({ notificationEnabled: true }, true, false)).toEqual({ notification: false, sound: false });
    expect(signalsFor({ notificationSoundAlways: true }, true, false)).toEqual({ notification: false, sound: true });
  });
});
