// Swedish wall-clock time for scheduling: the newsroom types "2026-11-23T09:30" in a
// datetime-local field and means Stockholm time, whatever the server's time zone.

const ZONE = "Europe/Stockholm";
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function wallClock(date: Date): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

/**
 * "YYYY-MM-DDTHH:MM" (optionally ":SS") in Stockholm time → the instant. Null for malformed input and for wall
 * times that do not exist (the hour skipped when summer time starts).
 */
export function stockholmLocalToDate(local: string): Date | null {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, sec);
  // Try both offsets the zone uses, summer time first; keep the one whose wall clock matches
  // what was typed. In the hour repeated when summer time ends, that is the first occurrence.
  for (const guess of [asUtc - 120 * 60_000, asUtc - 60 * 60_000]) {
    const date = new Date(guess);
    const w = wallClock(date);
    if (w.y === y && w.mo === mo && w.d === d && w.h === h && w.mi === mi) return date;
  }
  return null;
}

/** The instant as a datetime-local value in Stockholm time. */
export function dateToStockholmLocal(date: Date): string {
  const w = wallClock(date);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/** The calendar date in Stockholm at that instant, as "YYYY-MM-DD". */
export function stockholmDate(date: Date): string {
  return dateToStockholmLocal(date).slice(0, 10);
}
