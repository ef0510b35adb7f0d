// Swedish dates for readers: "7 september 2022", always in Swedish time.
const TZ = "Europe/Stockholm";

const dateFormat = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: TZ });
const dateTimeFormat = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TZ });

export function formatDate(iso: string | Date): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string | Date): string {
  return dateTimeFormat.format(new Date(iso)).replace(" ", " ");
}

const timeFormat = new Intl.DateTimeFormat("sv-SE", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TZ });

/** "2 december 2026 kl. 14.05": the date with the time of day, written as Swedish text does. */
export function formatDateWithTime(iso: string | Date): string {
  return `${formatDate(iso)} kl. ${timeFormat.format(new Date(iso)).replace(":", ".")}`;
}

/**
 * How a story's publication and last update are shown: the update only when a reader would see
 * a difference (another minute), and the time of day on both when they fall on the same day.
 */
export function publicationDates(publishedIso: string, updatedIso: string | null): { published: string; updated: string | null } {
  const sameMinute = !updatedIso || Math.floor(Date.parse(updatedIso) / 60_000) <= Math.floor(Date.parse(publishedIso) / 60_000);
  if (sameMinute) return { published: formatDate(publishedIso), updated: null };
  if (stockholmDay(publishedIso) === stockholmDay(updatedIso)) return { published: formatDateWithTime(publishedIso), updated: formatDateWithTime(updatedIso) };
  return { published: formatDate(publishedIso), updated: formatDate(updatedIso) };
}

const LABELLED_CREDIT = /^[\p{L}][\p{L} -]{0,30}:\s/u;

/** A photo credit as printed under the image: "Foto: Anna Andersson", unless it names its own kind ("Illustration: …"). */
export function creditText(credit: string): string {
  const c = credit.trim();
  return LABELLED_CREDIT.test(c) ? c : `Foto: ${c}`;
}

/** The calendar day in Stockholm, for comparing "published" and "updated". */
export function stockholmDay(iso: string | Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}

const KIND_LABELS: Record<string, string> = {
  NEWS: "Nyhet",
  INTERVIEW: "Intervju",
  NETWORK: "Nätverk",
  PROGRAMME: "Program",
  PROJECT: "Projekt",
  MUNICIPALITY: "Kommun",
  REGION: "Region",
  AGENCY: "Myndighet",
  ASSOCIATION: "Organisation",
  COMPANY: "Bolag",
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/**
 * `text` shortened to at most `max` characters at a word boundary, with an ellipsis when cut:
 * meta descriptions (160) and page titles (60) that search engines show whole.
 */
export function cutAtWord(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const room = t.slice(0, max); // leaves one character for the ellipsis after the trimmed word break
  const space = room.lastIndexOf(" ");
  const cut = (space > max * 0.6 ? room.slice(0, space) : room.slice(0, max - 1)).replace(/[\s,.;:–-]+$/, "");
  return `${cut}…`;
}
