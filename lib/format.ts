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
