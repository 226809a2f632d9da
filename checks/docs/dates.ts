export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}
