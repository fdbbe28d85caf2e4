// Showing stored times (ISO-8601 UTC) in a reader's chosen IANA time zone. UTC, every guest's zone,
// is sliced from the string as before; other zones go through one cached Intl formatter each.

let zones: readonly string[] | undefined;

/** The zones a member may choose: UTC first, then every zone this runtime knows, by name. */
export function timeZones(): readonly string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')];
  return zones;
}

/** True for a zone a member may choose. */
export function isTimeZone(name: string): boolean {
  return timeZones().includes(name);
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** The zone's formatter, or null when this runtime no longer knows the zone (then UTC is shown). */
function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
      });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

type Parts = { date: string; time: string; zone: string };

function partsIn(iso: string, zone: string): Parts {
  const formatter = zone === 'UTC' ? null : formatterFor(zone);
  const date = new Date(iso);
  if (formatter === null || Number.isNaN(date.getTime())) return { date: iso.slice(0, 10), time: iso.slice(11, 16), zone: 'UTC' };
  const part = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return { date: `${part.year ?? ''}-${part.month ?? ''}-${part.day ?? ''}`, time: `${part.hour ?? ''}:${part.minute ?? ''}`, zone: part.timeZoneName ?? zone };
}

/** A stored time as "2024-03-05 14:07 UTC", or in another zone "2024-03-05 15:07 CET". */
export function dateTimeIn(iso: string, zone: string): string {
  const { date, time, zone: name } = partsIn(iso, zone);
  return `${date} ${time} ${name}`;
}

/** The calendar date (YYYY-MM-DD) a stored time falls on in a zone. */
export function dateIn(iso: string, zone: string): string {
  return partsIn(iso, zone).date;
}
