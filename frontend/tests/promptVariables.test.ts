import { describe, expect, it } from 'vitest';
import { fillPrompt, promptVariables } from '../src/lib/chat/promptVariables';

const now = new Date(2026, 2, 7, 9, 5, 3); // Saturday 7 March 2026, 09:05:03 local time

describe('prompt variables', () => {
  it('fills the clipboard, the user and the local date and time', async () => {
    const { text, clipboardFailed } = await fillPrompt('Fix {{CLIPBOARD}} for {{USER_NAME}} on {{CURRENT_DATE}} at {{CURRENT_TIME}} ({{CURRENT_WEEKDAY}}, {{USER_LANGUAGE}}); again {{CLIPBOARD}}', {
      userName: 'Ada',
      language: 'zh-CN',
      clipboard: async () => 'the bug',
      now
    });
    expect(clipboardFailed).toBe(false);
    expect(text).toBe('Fix the bug for Ada on 2026-03-07 at 09:05:03 (Saturday, zh-CN); again the bug');
  });

  it('keeps {{CLIPBOARD}} and reports it when the clipboard cannot be read', async () => {
    const result = await fillPrompt('Summarise {{CLIPBOARD}}', { userName: 'Ada', language: 'en-US', clipboard: () => Promise.reject(new Error('denied')), now });
    expect(result).toEqual({ text: 'Summarise {{CLIPBOARD}}', clipboardFailed: true, locationFailed: false });
  });

  it('does not read the clipboard for a prompt without it', async () => {
    let reads = 0;
    await fillPrompt('Hello {{USER_NAME}}', { userName: '', language: '', clipboard: async () => String(++reads), now });
    expect(reads).toBe(0);
  });

  it('gives the completion the same values, with the stock defaults', () => {
    const v = promptVariables({ userName: '', language: '', now });
    expect(v['{{USER_NAME}}']).toBe('User');
    expect(v['{{USER_LANGUAGE}}']).toBe('en-US');
    expect(v['{{CURRENT_DATETIME}}']).toBe('2026-03-07 09:05:03');
    expect(v['{{CURRENT_TIMEZONE}}']).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('fills {{USER_LOCATION}} from the browser, or LOCATION_UNKNOWN when refused', async () => {
    const ok = await fillPrompt('Weather at {{USER_LOCATION}}?', { userName: 'Ada', language: 'en-US', locate: async () => '48.857, 2.352 (lat, long)', now });
    expect(ok).toEqual({ text: 'Weather at 48.857, 2.352 (lat, long)?', clipboardFailed: false, locationFailed: false });
    const refused = await fillPrompt('Weather at {{USER_LOCATION}}?', { userName: 'Ada', language: 'en-US', locate: () => Promise.reject(new Error('denied')), now });
    expect(refused).toEqual({ text: 'Weather at LOCATION_UNKNOWN?', clipboardFailed: false, locationFailed: true });
  });

  it('sends the stored location with the completion, Unknown without it', () => {
    expect(promptVariables({ userName: 'Ada', language: '', now, location: '1.000, 2.000 (lat, long)' })['{{USER_LOCATION}}']).toBe('1.000, 2.000 (lat, long)');
    expect(promptVariables({ userName: 'Ada', language: '', now })['{{USER_LOCATION}}']).toBe('Unknown');
  });
});
