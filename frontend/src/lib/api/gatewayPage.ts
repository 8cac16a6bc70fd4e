// A proxy in front of the API or the model provider (nginx, a load balancer) answers 502/504 with an
// HTML page; users should read a sentence, not markup.

const HTML = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<center>|<h1>)/i;
const PAGE_START = /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/i;

export function isHtmlPage(text: string): boolean {
  return HTML.test(text);
}

/** The page's own headline ("502 Bad Gateway"), or null. */
function headline(page: string): string | null {
  const pick = (tag: string) => new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(page)?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  return pick('title') || pick('h1') || null;
}

/** The page as one readable sentence, with its headline or else the status. */
export function gatewayMessage(text: string, status?: number): string {
  const title = headline(text) ?? (status ? `Error ${status}` : 'Error');
  if (status === 413 || /^413\b/.test(title)) return `The request is too large for the server (${title}). Send a smaller file or less text.`;
  return `The server is not reachable right now (${title}). Please try again in a moment.`;
}

/**
 * `text` unchanged, unless it is an HTML error page, or ends with one (the server's "The model provider
 * failed (HTTP 502): <html>…" when the provider sits behind a proxy): the page becomes its headline.
 */
export function readableError(text: string, status?: number): string {
  if (isHtmlPage(text)) return gatewayMessage(text, status);
  const at = text.search(PAGE_START);
  if (at <= 0 || !/<\/(html|body|title)>/i.test(text)) return text;
  return `${text.slice(0, at).trimEnd()} ${headline(text.slice(at)) ?? ''}`.trim();
}
