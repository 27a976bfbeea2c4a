/** How long ago a date was, in the unit a reader would say it in ("12 years", "3 days", today), or null. */
export type ArticleAge = { unit: 'today' } | { unit: 'days' | 'months' | 'years'; count: number };

export function articleAge(published: string | null, now: Date): ArticleAge | null {
  if (!published) return null;
  const then = new Date(published);
  if (Number.isNaN(then.getTime())) return null;
  const days = Math.floor((now.getTime() - then.getTime()) / 86_400_000);
  if (days < 0) return null;
  if (days === 0) return { unit: 'today' };
  if (days < 31) return { unit: 'days', count: days };
  let months = (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + now.getUTCMonth() - then.getUTCMonth();
  if (now.getUTCDate() < then.getUTCDate()) months--;
  if (months < 12) return { unit: 'months', count: Math.max(1, months) };
  return { unit: 'years', count: Math.floor(months / 12) };
}

/** "12 years old", "3 days old", "today", in English (the CLI; the interface words it in the reader's language). */
export function formatAge(published: string | null, now: Date): string | null {
  const age = articleAge(published, now);
  if (!age) return null;
  if (age.unit === 'today') return 'today';
  const unit = age.unit.slice(0, -1);
  return `${age.count} ${age.count === 1 ? unit : age.unit} old`;
}

/** "19 Nov 2014" in the reader's language, from an ISO date; the date as written when it does not parse. */
export function formatDate(iso: string | null, locale?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}
