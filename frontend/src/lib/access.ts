// access_control (docs/contract.md, Access control): null = every verified user may read; {} or empty lists = owner
// only; otherwise explicit read/write grants for groups and users.

export interface Grants {
  group_ids: string[];
  user_ids: string[];
}
export type AccessControl = { read?: Grants; write?: Grants } | null;

export type Level = 'read' | 'write';

const empty = (): Grants => ({ group_ids: [], user_ids: [] });

export function isPublic(ac: AccessControl): boolean {
  return ac === null;
}

/** A normalised private copy with both lists present (never null). */
export function grantsOf(ac: AccessControl): { read: Grants; write: Grants } {
  return {
    read: { group_ids: [...(ac?.read?.group_ids ?? [])], user_ids: [...(ac?.read?.user_ids ?? [])] },
    write: { group_ids: [...(ac?.write?.group_ids ?? [])], user_ids: [...(ac?.write?.user_ids ?? [])] }
  };
}

/** The level granted to one group or user id, or null. Write implies read. */
export function levelOf(ac: AccessControl, kind: keyof Grants, id: string): Level | null {
  const g = grantsOf(ac);
  if (g.write[kind].includes(id)) return 'write';
  if (g.read[kind].includes(id)) return 'read';
  return null;
}

/** Grants (or with null revokes) one group or user; write access is also listed under read, as the stock UI does. */
export function setLevel(ac: AccessControl, kind: keyof Grants, id: string, level: Level | null): { read: Grants; write: Grants } {
  const g = grantsOf(ac);
  g.read[kind] = g.read[kind].filter((x) => x !== id);
  g.write[kind] = g.write[kind].filter((x) => x !== id);
  if (level) g.read[kind].push(id);
  if (level === 'write') g.write[kind].push(id);
  return g;
}

export const privateAccess = (): { read: Grants; write: Grants } => ({ read: empty(), write: empty() });
