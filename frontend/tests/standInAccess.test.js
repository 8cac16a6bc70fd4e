import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allows, makeAccess } from '../e2e/stand-in/access.js';

// The table every implementation of the access rule is checked against (common-core's tests read it too).
const table = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)),
  '../../common-core/src/test/resources/dev/webui/core/access/access-cases.json'), 'utf8'));

describe("the stand-in backend's access rule", () => {
  it('reads the table', () => expect(table.cases.length).toBeGreaterThan(20));

  for (const c of table.cases) {
    for (const mode of ['read', 'write']) {
      it(`${c.name} / ${mode}`, () => {
        expect(allows(mode, c.access_control, c.owner, { id: c.caller, groupIds: c.groups, bypass: c.bypass })).toBe(c[mode]);
      });
    }
  }

  it("takes groups from the stand-in's state and lets admins and public channel posts through", () => {
    const state = { groups: new Map([['g1', { id: 'g1', user_ids: ['bob'] }]]) };
    const allowed = makeAccess(state);
    const bob = { id: 'bob', role: 'user' };
    expect(allowed(bob, { user_id: 'alice', access_control: { write: { group_ids: ['g1'] } } }, 'write')).toBe(true);
    expect(allowed(bob, { user_id: 'alice', access_control: {} }, 'read')).toBe(false);
    expect(allowed({ id: 'root', role: 'admin' }, { user_id: 'alice', access_control: {} }, 'write')).toBe(true);
    expect(allowed(bob, { user_id: 'alice', access_control: null }, 'write')).toBe(false);
    expect(allowed(bob, { user_id: 'alice', access_control: null }, 'write', true)).toBe(true);
  });
});
