import { describe, expect, it } from 'vitest';
import { citations } from '../src/lib/chat/citations';
import { usageSummary } from '../src/lib/chat/usage';

describe('token usage', () => {
  it('reads OpenAI and Ollama-style counts', () => {
    expect(usageSummary({ prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 })).toEqual({ total: 42, input: 12, output: 30 });
    expect(usageSummary({ prompt_eval_count: 5, eval_count: 7 })).toEqual({ total: 12, input: 5, output: 7 });
    expect(usageSummary({ something: 'else' })).toBeNull();
    expect(usageSummary(undefined)).toBeNull();
  });
});

describe('citations', () => {
  it('groups passages by source and keeps links and pages', () => {
    const list = citations([
      { source: { id: 'f1', name: 'handbook.pdf' }, document: ['Chapter 1', 'Chapter 2'], metadata: [{ source: 'handbook.pdf', page: 0 }, { source: 'handbook.pdf', page: 4 }] },
      { source: { name: 'Docs', url: 'https://example.com/docs' }, document: ['Install with npm'], metadata: [{ source: 'https://example.com/docs' }] },
      { source: { id: 'f1', name: 'handbook.pdf' }, document: ['Appendix'], metadata: [{}] }
    ]);
    expect(list).toEqual([
      { name: 'handbook.pdf', url: undefined, passages: [{ text: 'Chapter 1', label: 'Page 1' }, { text: 'Chapter 2', label: 'Page 5' }, { text: 'Appendix', label: undefined }] },
      { name: 'Docs', url: 'https://example.com/docs', passages: [{ text: 'Install with npm', label: undefined }] }
    ]);
  });
});
