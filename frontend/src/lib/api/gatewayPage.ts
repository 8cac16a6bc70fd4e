// A proxy in front of the API (nginx, a load balancer) answers 502/504 with an HTML page; users
// should read a sentence, not markup.

const HTML = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<center>|<h1>)/i;

export function isHtmlPage(text: string): boolean {
  return HTML.test(text);
}

/** The page's own headline ("502 Bad Gateway"), else its status, as a readable message. */
export function gatewayMessage(text: string, status?: number): string {
  const pick = (tag: string) => new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(text)?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  const headline = pick('title') || pick('h1') || (status ? `Error ${status}` : 'Error');
  return `The server is not reachable right now (${headline}). Please try again in a moment.`;
}

/** `text` unchanged, unless it is an HTML error page. */
export function readableError(text: string, status?: number): string {
  return isHtmlPage(text) ? gatewayMessage(text, status) : text;
}
