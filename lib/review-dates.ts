import { z } from "zod";
import { stockholmDate } from "./stockholm-time";

// "Granskas senast" (issue 12, decision 024): the calendar date by which a story, network or
// editorial page should have been checked again. A calendar date has no time of day; it is
// kept as "YYYY-MM-DD" here and as a PostgreSQL date (a Date at UTC midnight in Prisma).

export const REVIEW_INTERVAL_MONTHS = 12;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" that names a real day (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2200;
}

/** The day `months` later; the 31st becomes the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, mo - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** Today in Stockholm. */
export function todayInStockholm(now: Date = new Date()): string {
  return stockholmDate(now);
}

/** The date column's value for a calendar date, and back. */
export const dateColumn = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const calendarDateOf = (value: Date): string => value.toISOString().slice(0, 10);

/** "3 december 2026". */
export function formatCalendarDate(day: string): string {
  return dateColumn(day).toLocaleDateString("sv-SE", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
}

export const REVIEW_KINDS = ["story", "network", "page"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** What each kind is called in the overview and the reminder mails. */
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = { story: "Artikel", network: "Nätverk", page: "Sida" };

const target = { kind: z.enum(REVIEW_KINDS, { error: "Okänd sorts sida." }), id: z.guid({ error: "Ogiltigt val." }) };

export const setReviewDateSchema = z.object({
  ...target,
  // Empty clears a story's date; networks and pages always have one (the command says so).
  reviewBy: z
    .string()
    .trim()
    .refine((v) => v === "" || isCalendarDate(v), { error: "Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-06-30." }),
});

export const markReviewedSchema = z.object(target);
