// A message's time (unix seconds): the clock time for today, the date and time before.
export function messageTime(seconds: number, locale: string, now: Date = new Date()): string {
  const when = new Date(seconds * 1000);
  const sameDay = when.toDateString() === now.toDateString();
  const time = when.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${when.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' })} ${time}`;
}
