/** "12 months", "90 days", "1 year", "annually" or a number of days -> a calendar interval. */
export function parseInterval(value: string | number): { months: number; days: number } | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value > 0 ? { months: 0, days: value } : undefined;
  const words: Record<string, { months: number; days: number }> = {
    annually: { months: 12, days: 0 },
    yearly: { months: 12, days: 0 },
    semiannually: { months: 6, days: 0 },
    quarterly: { months: 3, days: 0 },
    monthly: { months: 1, days: 0 },
  };
  const text = value.trim().toLowerCase();
  if (words[text]) return words[text];
  const match = /^(\d+) (day|week|month|year)s?$/.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  if (n <= 0) return undefined;
  switch (match[2]) {
    case 'day':
      return { months: 0, days: n };
    case 'week':
      return { months: 0, days: n * 7 };
    case 'month':
      return { months: n, days: 0 };
    default:
      return { months: n * 12, days: 0 };
  }
}

/** date (YYYY-MM-DD) + interval, clamping the day to the end of a shorter month. */
export function addInterval(date: string, interval: { months: number; days: number }): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + interval.months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(year, month, Math.min(d, lastDay)) + interval.days * 86_400_000);
  return result.toISOString().slice(0, 10);
}
