// Interface language. English strings are the keys (and the English text); every other language is
// one JSON file in src/locales/, built as its own chunk and fetched only when that language is chosen.
// The choice lives in localStorage `locale`, as in the stock UI.

export const LANGUAGES: { code: string; title: string }[] = [
  { code: 'en-US', title: 'English (US)' },
  { code: 'zh-CN', title: '简体中文 (Simplified Chinese)' }
];

const SOURCE = 'en-US';
const KEY = 'locale';
const files = import.meta.glob<{ default: Record<string, string> }>('../locales/*.json');

export const i18n = $state({ locale: SOURCE, messages: {} as Record<string, string> });

/** The translation of `key`, with `{{name}}` placeholders filled from `vars`. */
export function t(key: string, vars?: Record<string, string | number>): string {
  let text = i18n.messages[key] || key;
  if (vars) for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{{${name}}}`, String(value));
  return text;
}

/** The JSON of `code`, or null when there is none (English, or an unknown code). */
export async function loadMessages(code: string): Promise<Record<string, string> | null> {
  const load = files[`../locales/${code}.json`];
  return load ? (await load()).default : null;
}

export async function setLocale(code: string): Promise<void> {
  const messages = code === SOURCE ? {} : await loadMessages(code);
  if (messages === null) return setLocale(SOURCE);
  i18n.messages = messages;
  i18n.locale = code;
  document.documentElement.lang = code;
  if (code === SOURCE) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, code);
}

export function storedLocale(): string {
  return localStorage.getItem(KEY) || SOURCE;
}
