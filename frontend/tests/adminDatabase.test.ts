import { describe, expect, it } from 'vitest';
import { parseConfigFile, usersCsv } from '../src/lib/admin/database';

describe('Admin › Database files', () => {
  it('writes users as quoted CSV with doubled quotes and empty missing values', () => {
    const csv = usersCsv([{ id: 'u1', name: 'Ann "the admin"', email: 'ann@x.io', role: 'admin' }, { id: 'u2', name: 'Bo, Jr', email: null, role: 'user' }]);
    expect(csv.split('\n')).toEqual(['id,name,email,role', '"u1","Ann ""the admin""","ann@x.io","admin"', '"u2","Bo, Jr",,"user"']);
  });

  it('accepts a settings object and names what is wrong with anything else', () => {
    expect(parseConfigFile('{"ui":{"enable_signup":true}}')).toEqual({ ui: { enable_signup: true } });
    expect(() => parseConfigFile('{oops')).toThrow('The file is not JSON');
    expect(() => parseConfigFile('[1,2]')).toThrow('settings object');
    expect(() => parseConfigFile('null')).toThrow('settings object');
  });
});
