// The `{{...}}` variables a prompt may hold, filled in before it lands in the message box, and the
// same values sent as the completion's `variables` (the stock UI's names and formats).

export interface PromptContext {
  userName: string;
  language: string;
  /** Reads the clipboard; only asked when the text holds `{{CLIPBOARD}}`. */
  clipboard?: () => Promise<string>;
  /** Reads the browser's position; only asked when the text holds `{{USER_LOCATION}}`. */
  locate?: () => Promise<string>;
  /** The stored location sent with a completion (the "User Location" switch); "Unknown" without it. */
  location?: string;
  now?: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Local date `YYYY-MM-DD`, time `HH:MM:SS`, and the rest, keyed by their `{{NAME}}`. */
export function promptVariables(ctx: PromptContext): Record<string, string> {
  const d = ctx.now ?? new Date();
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return {
    '{{USER_NAME}}': ctx.userName || 'User',
    '{{CURRENT_DATE}}': date,
    '{{CURRENT_TIME}}': time,
    '{{CURRENT_DATETIME}}': `${date} ${time}`,
    '{{CURRENT_WEEKDAY}}': WEEKDAYS[d.getDay()],
    '{{CURRENT_TIMEZONE}}': Intl.DateTimeFormat().resolvedOptions().timeZone,
    '{{USER_LANGUAGE}}': ctx.language || 'en-US',
    '{{USER_LOCATION}}': ctx.location || 'Unknown'
  };
}

/**
 * Fills the variables of a prompt. `{{CLIPBOARD}}` becomes the clipboard's text; when the clipboard
 * cannot be read the placeholder stays and `clipboardFailed` says so (the caller tells the user).
 * `{{USER_LOCATION}}` becomes the browser's position, or `LOCATION_UNKNOWN` with `locationFailed`.
 */
export async function fillPrompt(text: string, ctx: PromptContext): Promise<{ text: string; clipboardFailed: boolean; locationFailed: boolean }> {
  let out = text;
  let clipboardFailed = false;
  let locationFailed = false;
  if (out.includes('{{USER_LOCATION}}')) {
    const location = await (ctx.locate ?? (() => Promise.reject(new Error('no location'))))().catch(() => null);
    locationFailed = location === null;
    out = out.replaceAll('{{USER_LOCATION}}', location ?? 'LOCATION_UNKNOWN');
  }
  if (out.includes('{{CLIPBOARD}}')) {
    try {
      const clip = await (ctx.clipboard ?? (() => Promise.reject(new Error('no clipboard'))))();
      out = out.replaceAll('{{CLIPBOARD}}', clip);
    } catch {
      clipboardFailed = true;
    }
  }
  for (const [name, value] of Object.entries(promptVariables(ctx))) out = out.replaceAll(name, value);
  return { text: out, clipboardFailed, locationFailed };
}
