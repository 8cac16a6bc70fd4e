import { describe, expect, it } from 'vitest';
import { connectionOf, problemsOf, rowOf, toolIdOf, toolKind } from '../src/lib/toolServers';

describe('tool servers', () => {
  it('tells tool ids apart as v0.6.32 writes them', () => {
    expect(toolKind('server:mcp:everything')).toBe('mcp');
    expect(toolKind('server:0')).toBe('openapi');
    expect(toolKind('server:weather')).toBe('openapi');
    expect(toolKind('web_search_tool')).toBe('python');
  });

  it('keeps the fields it does not edit and fills the id from the name', () => {
    const saved = {
      type: 'mcp' as const, url: 'http://mcp:3001/mcp', path: '', auth_type: 'none', key: '',
      config: { enable: true, access_control: null, extra: 1 }, info: { id: 'tools', name: 'Tools', oauth_client_info: 'x' }, spec_type: 'url'
    };
    const row = rowOf(saved);
    expect(row).toMatchObject({ type: 'mcp', id: 'tools', enable: true, auth_type: 'none' });
    row.enable = false;
    const back = connectionOf(row, saved);
    expect(back.config).toEqual({ enable: false, access_control: null, extra: 1 });
    expect(back.info).toMatchObject({ id: 'tools', oauth_client_info: 'x' });
    expect(back.spec_type).toBe('url');

    const fresh = connectionOf({ ...rowOf({ url: '' }), url: 'http://x/ ', name: 'My Weather!', key: 'k', auth_type: 'session' });
    expect(fresh).toMatchObject({ type: 'openapi', url: 'http://x', path: 'openapi.json', key: '', info: { id: 'my-weather' } });
    expect(toolIdOf(fresh, 3)).toBe('server:my-weather');
    expect(toolIdOf({ url: 'http://x', info: {} }, 3)).toBe('server:3');
  });

  it('reports bad URLs and ids used twice', () => {
    const a = { ...rowOf({ url: '' }), url: 'http://a', id: 'same' };
    const b = { ...rowOf({ url: '' }), url: 'ftp://b', id: 'same' };
    const problems = problemsOf([a, b]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('Server 2');
    expect(problems[1]).toContain('server:same');
    expect(problemsOf([a, { ...b, type: 'mcp', url: 'http://b/mcp' }])).toEqual([]);
  });
});
