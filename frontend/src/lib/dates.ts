// Sidebar date groups, as Open WebUI shows them: Today, Yesterday, Previous 7 days,
// Previous 30 days, then one group per month ("March", or "March 2024" for other years).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** `updatedAt` is unix seconds (docs/contract.md, Identifiers and timestamps). */
export function dateGroup(updatedAt: number, now: Date = new Date()): string {
  const when = new Date(updatedAt * 1000);
  const days = Math.round((startOfDay(now) - startOfDay(when)) / 86_400_000);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days <= 7) return 'Previous 7 days';
  if (days <= 30) return 'Previous 30 days';
  const month = MONTHS[when.getMonth()];
  return when.getFullYear() === now.getFullYear() ? month : `${month} ${when.getFullYear()}`;
}

/** Groups items (already sorted newest first) keeping order. */
export function groupByDate<T extends { updated_at: number }>(items: T[], now: Date = new Date()): { label: string; items: T[] }[] {
  const groups: { label: string; items: T[] }[] = [];
  for (const item of items) {
    const label = dateGroup(item.updated_at, now);
    const last = groups[groups.length - 1];
    if (last?.label === label) last.items.push(item);
    else groups.push({ label, items: [item] });
  }
  return groups;
}
