import { describe, expect, it } from 'vitest';
import { gatewayMessage, isHtmlPage, readableError } from '../src/lib/api/gatewayPage';
import { errorDetail } from '../src/lib/api/http';
import { applyChatEvent } from '../src/lib/chat/stream';
import type { Message } from '../src/lib/types';

const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.27.4</center>\r\n</body>\r\n</html>\r\n';

describe('gateway error pages', () => {
  it('recognises HTML pages, not text that merely mentions tags', () => {
    expect(isHtmlPage(NGINX_502)).toBe(true);
    expect(isHtmlPage('<!DOCTYPE html><html><body><h1>Gateway Timeout</h1></body></html>')).toBe(true);
    expect(isHtmlPage('Use <html> to start a page')).toBe(false);
    expect(isHtmlPage('Model not found')).toBe(false);
  });

  it('turns the page into one sentence with its headline', () => {
    expect(gatewayMessage(NGINX_502, 502)).toBe('The server is not reachable right now (502 Bad Gateway). Please try again in a moment.');
    expect(gatewayMessage('<html><body><p>down</p></body></html>', 504)).toContain('(Error 504)');
    expect(readableError('plain')).toBe('plain');
  });

  it('says a request was too large instead of calling the server unreachable', () => {
    const page = '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body></body>\r\n</html>\r\n';
    expect(gatewayMessage(page, 413)).toBe('The request is too large for the server (413 Request Entity Too Large). Send a smaller file or less text.');
    expect(gatewayMessage(page)).toContain('too large');
    expect(gatewayMessage('<html><body></body></html>', 413)).toContain('(Error 413)');
  });

  it('keeps the server\'s own sentence when a provider behind a proxy answered with a page', () => {
    expect(readableError(`The model provider failed (HTTP 502): ${NGINX_502}`)).toBe('The model provider failed (HTTP 502): 502 Bad Gateway');
    expect(readableError('Write <html> then <body> tags')).toBe('Write <html> then <body> tags');
  });

  it('is applied to failed requests and to errors reported on an answer', () => {
    expect(errorDetail(NGINX_502, 502)).not.toContain('<');
    const message = { id: 'a', role: 'assistant', content: '', childrenIds: [], parentId: null } as unknown as Message;
    applyChatEvent(message, 'chat:message:error', { error: { content: NGINX_502 } });
    expect(message.error?.content).toBe('The server is not reachable right now (502 Bad Gateway). Please try again in a moment.');
  });
});
