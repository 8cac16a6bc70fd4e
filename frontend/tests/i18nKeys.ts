/// <reference types="node" />
// Collects the interface strings the app passes through t(): literal t('...') calls and the
// `label: '...'` entries of menus, tabs and option lists (translated where they are shown).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

const unquote = (s: string) => s.replace(/\\'/g, "'");

export function usedKeys(root: string): Set<string> {
  const keys = new Set<string>();
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('i18n.svelte') && !file.includes('/lib/')) continue;
    for (const m of text.matchAll(/\bt\('((?:[^'\\]|\\.)+)'/g)) keys.add(unquote(m[1]));
    for (const line of text.split('\n').filter((l) => /\blabel: /.test(l))) {
      for (const m of line.matchAll(/label: (?:[^'\n]*\? )?'((?:[^'\\]|\\.)+)'(?: : '((?:[^'\\]|\\.)+)')?/g)) {
        keys.add(unquote(m[1]));
        if (m[2]) keys.add(unquote(m[2]));
      }
    }
  }
  return keys;
}
