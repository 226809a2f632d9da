const DAY_MS = 86_400_000;

/**
 * Whole days from an ISO date or timestamp to `now` (a date alone is midnight UTC); negative when it is
 * in the future. Ages are measured against the collection time, so a replay evaluates the same.
 */
export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}

/** The YYYY-MM-DD date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
