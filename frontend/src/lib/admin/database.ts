// Admin › Database files (pure).
// The user list as the stock "Export Users" writes it: id, name, email, role; every value quoted,
// quotes doubled, missing values empty (pure).
const COLUMNS = ['id', 'name', 'email', 'role'] as const;

export function usersCsv(users: Partial<Record<(typeof COLUMNS)[number], unknown>>[]): string {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
  return [COLUMNS.join(','), ...users.map((u) => COLUMNS.map((c) => cell(u[c])).join(','))].join('\n');
}

/** Parses an uploaded settings file: a JSON object, or an error naming what is wrong. */
export function parseConfigFile(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('The file is not JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('The file does not hold a settings object');
  return value as Record<string, unknown>;
}
