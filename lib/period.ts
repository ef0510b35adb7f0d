// Archive periods (a year, or a month of a year) in Swedish time.
export type Period = { year: number; month?: number };

export const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** The instant local midnight starts on the given day in Europe/Stockholm. */
export function stockholmMidnight(year: number, month: number, day = 1): Date {
  const guess = new Date(Date.UTC(year, month - 1, day));
  const offset = new Intl.DateTimeFormat("en", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" })
    .formatToParts(guess)
    .find((p) => p.type === "timeZoneName")!.value; // "GMT+01:00"
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(offset);
  const minutes = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(guess.getTime() - minutes * 60_000);
}

export function periodRange(p: Period): { gte: Date; lt: Date } {
  if (p.month) {
    const next = p.month === 12 ? { y: p.year + 1, m: 1 } : { y: p.year, m: p.month + 1 };
    return { gte: stockholmMidnight(p.year, p.month), lt: stockholmMidnight(next.y, next.m) };
  }
  return { gte: stockholmMidnight(p.year, 1), lt: stockholmMidnight(p.year + 1, 1) };
}

export function periodLabel(p: Period): string {
  return p.month ? `${MONTHS[p.month - 1]} ${p.year}` : String(p.year);
}

/** `?ar=2022&manad=9` as sent; undefined when absent, null when malformed. */
export function parsePeriod(ar: string | string[] | undefined, manad: string | string[] | undefined): Period | undefined | null {
  if (ar === undefined && manad === undefined) return undefined;
  if (typeof ar !== "string" || !/^(19[9]\d|20\d\d|2100)$/.test(ar)) return null;
  if (manad === undefined) return { year: Number(ar) };
  if (typeof manad !== "string" || !/^(0?[1-9]|1[0-2])$/.test(manad)) return null;
  return { year: Number(ar), month: Number(manad) };
}

export function periodQuery(p: Period | undefined): Record<string, string> {
  if (!p) return {};
  return p.month ? { ar: String(p.year), manad: String(p.month) } : { ar: String(p.year) };
}

/**
 * The head of an entity page (a municipality, organisation, topic or network) at a list
 * position: a year or month archive and a later page get their own title and description
 * ("Företagsklimat 2021", "Artiklar från 2021 om företagsklimat."), never the base page's.
 */
export function entityListHead(name: string, about: string, description: string, page: number, period?: Period): { title: string; description: string } {
  const base = period ? `${name} ${periodLabel(period)}` : name;
  const title = page > 1 ? `${base}, sida ${page}` : base;
  if (!period && page === 1) return { title, description };
  const from = period ? ` från ${periodLabel(period)}` : "";
  return { title, description: `Artiklar${from} om ${about}${page > 1 ? `, sida ${page}` : ""}.` };
}
