/** "12 years old", "3 days old", "today": how long ago a date was, as a reader would say it. */
export function formatAge(published: string | null, now: Date): string | null {
  if (!published) return null;
  const then = new Date(published);
  if (Number.isNaN(then.getTime())) return null;
  const days = Math.floor((now.getTime() - then.getTime()) / 86_400_000);
  if (days < 0) return null;
  if (days === 0) return 'today';
  if (days < 31) return days === 1 ? '1 day old' : `${days} days old`;
  let months = (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + now.getUTCMonth() - then.getUTCMonth();
  if (now.getUTCDate() < then.getUTCDate()) months--;
  if (months < 12) return months <= 1 ? '1 month old' : `${months} months old`;
  const years = Math.floor(months / 12);
  return years === 1 ? '1 year old' : `${years} years old`;
}

/** "19 Nov 2014" in the reader's language, from an ISO date; the date as written when it does not parse. */
export function formatDate(iso: string | null, locale?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}
