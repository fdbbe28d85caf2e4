// Time as the archive stores it: ISO-8601 UTC strings, and calendar dates as YYYY-MM-DD.

/** The current time as stored in the database. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** The calendar date (UTC) of an ISO time, YYYY-MM-DD. */
export function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

/** Today's date (UTC), YYYY-MM-DD. */
export function today(): string {
  return dateOf(nowIso());
}

/** An ISO time this many milliseconds from now. */
export function isoFromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
