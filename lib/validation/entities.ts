import { z } from "zod";
import { isSlug, SLUG_MAX_LENGTH } from "@/lib/slug";

// The newsroom forms for people, topics, series, networks, organisations and site settings.
// Inputs arrive as form values (strings, or string lists for repeated names); an empty
// optional field becomes null. Messages are Swedish and shown next to their field.

export const NETWORK_KINDS = ["NETWORK", "PROGRAMME", "PROJECT"] as const;
export const ORGANISATION_KINDS = ["MUNICIPALITY", "REGION", "AGENCY", "ASSOCIATION", "COMPANY"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

const asString = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? "";
const asList = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** A required line of text. */
const required = (max: number, missing: string) =>
  z.preprocess(asString, z.string().trim().min(1, { error: missing }).max(max, { error: `Högst ${max} tecken.` }));

/** Trimmed text of at most max characters, when there is a limit. */
const trimmed = (max?: number) => (max ? z.string().trim().max(max, { error: `Högst ${max} tecken.` }) : z.string().trim());

/** A field that may be left empty; empty becomes null. */
const emptyAsNull = (schema: z.ZodString) => z.preprocess(asString, schema.transform((v) => v || null));

/** An optional text; empty becomes null. */
const optional = (max: number) => emptyAsNull(trimmed(max));

/** An optional text that must pass a check when given; empty becomes null. */
const optionalMatching = (test: (v: string) => boolean, error: string, max?: number) => emptyAsNull(trimmed(max).refine((v) => v === "" || test(v), { error }));

/** Empty means "make one from the name"; the command fills it in. */
const slug = z.preprocess(
  asString,
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => v === "" || isSlug(v), { error: `Använd bara a–z, 0–9 och bindestreck (högst ${SLUG_MAX_LENGTH} tecken), till exempel "lerums-kommun".` }),
);

const optionalId = (message: string) => emptyAsNull(z.string().refine((v) => v === "" || isUuid(v), { error: message }));
const requiredId = (message: string) => z.preprocess(asString, z.string().refine(isUuid, { error: message }));
const idList = (message: string) => z.preprocess(asList, z.array(z.string().refine(isUuid, { error: message })).max(500).transform((ids) => [...new Set(ids)]));

const webAddress = optionalMatching((v) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v), "Skriv en hel webbadress som börjar med https://", 500);

export const personSchema = z.object({
  name: required(200, "Skriv personens namn."),
  title: optional(200),
  organisationId: optionalId("Välj en organisation i listan."),
  bio: optional(5000),
  slug,
});
export type PersonInput = z.infer<typeof personSchema>;

/** Topics and series have the same fields. */
export const taxonomySchema = z.object({
  name: required(200, "Skriv ett namn."),
  description: optional(2000),
  slug,
});
export type TaxonomyInput = z.infer<typeof taxonomySchema>;

export const organisationSchema = z.object({
  name: required(200, "Skriv organisationens namn."),
  shortName: optional(100),
  kind: z.preprocess(asString, z.enum(ORGANISATION_KINDS, { error: "Välj en typ." })),
  county: optional(100),
  municipalityCode: optionalMatching((v) => /^\d{4}$/.test(v), "Kommunkoden har fyra siffror, till exempel 1441."),
  website: webAddress,
  description: optional(5000),
  slug,
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const settingsSchema = z.object({
  siteName: required(100, "Skriv webbplatsens namn."),
  tagline: optional(200),
  description: optional(1000),
  footerOrganisation: required(200, "Skriv vilken organisation som står bakom webbplatsen."),
  address: optional(500),
  phone: optional(50),
  email: optionalMatching((v) => z.email().safeParse(v).success, "Skriv en e-postadress, till exempel info@exempel.se."),
  informationOwner: optional(200),
  webmaster: optional(200),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

// ---- Networks: goals are lines of "goal | target", meetings are rows of parallel fields.

export type GoalInput = { label: string; target: string | null };
export type MeetingInput = { startsAt: Date; title: string; place: string };

/** "Fler företag | 50 nya per år" → { label, target }, one goal per non-empty line. */
export function parseGoals(text: string): GoalInput[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [label, ...rest] = line.split("|");
      const target = rest.join("|").trim();
      return { label: label!.trim(), target: target || null };
    });
}

export function goalsToText(goals: GoalInput[]): string {
  return goals.map((g) => (g.target ? `${g.label} | ${g.target}` : g.label)).join("\n");
}

const strings = z.preprocess(asList, z.array(z.string()).max(200));

export const networkSchema = z
  .object({
    name: required(200, "Skriv nätverkets namn."),
    slug,
    kind: z.preprocess(asString, z.enum(NETWORK_KINDS, { error: "Välj en typ." })),
    summary: required(600, "Skriv en kort sammanfattning."),
    body: z.preprocess(asString, z.string().max(50_000, { error: "Texten är för lång (högst 50 000 tecken)." })),
    ownerId: requiredId("Välj vilken organisation som äger nätverket."),
    memberIds: idList("Välj medlemmar i listan."),
    topicIds: idList("Välj ämnen i listan."),
    coordinatorId: optionalId("Välj en samordnare i listan."),
    externalUrl: webAddress,
    goals: z.preprocess(
      asString,
      z
        .string()
        .max(10_000, { error: "Högst 10 000 tecken." })
        .transform(parseGoals)
        .refine((goals) => goals.length <= 50, { error: "Högst 50 mål." })
        .refine((goals) => goals.every((g) => g.label && g.label.length <= 300 && (g.target ?? "").length <= 300), {
          error: 'Varje mål behöver en text före "|" och högst 300 tecken per del.',
        }),
    ),
    meetingStartsAt: strings,
    meetingTitle: strings,
    meetingPlace: strings,
    meetingRemove: strings,
  })
  .transform((v, ctx) => {
    const meetings: MeetingInput[] = [];
    const rows = Math.max(v.meetingStartsAt.length, v.meetingTitle.length, v.meetingPlace.length);
    for (let i = 0; i < rows; i++) {
      const startsAt = (v.meetingStartsAt[i] ?? "").trim();
      const title = (v.meetingTitle[i] ?? "").trim();
      const place = (v.meetingPlace[i] ?? "").trim();
      if (v.meetingRemove.includes(String(i)) || (!startsAt && !title && !place)) continue;
      const date = stockholmLocalToDate(startsAt);
      if (!date) ctx.addIssue({ code: "custom", path: ["meetings", i, "startsAt"], message: "Ange datum och klockslag, till exempel 2025-03-14 09:00." });
      if (!title || title.length > 300) ctx.addIssue({ code: "custom", path: ["meetings", i, "title"], message: "Skriv vad mötet gäller (högst 300 tecken)." });
      if (!place || place.length > 300) ctx.addIssue({ code: "custom", path: ["meetings", i, "place"], message: "Skriv var mötet hålls (högst 300 tecken)." });
      if (date && title && place) meetings.push({ startsAt: date, title, place });
    }
    return {
      name: v.name,
      slug: v.slug,
      kind: v.kind,
      summary: v.summary,
      body: v.body,
      ownerId: v.ownerId,
      memberIds: v.memberIds,
      topicIds: v.topicIds,
      coordinatorId: v.coordinatorId,
      externalUrl: v.externalUrl,
      goals: v.goals,
      meetings,
    };
  });
export type NetworkInput = z.infer<typeof networkSchema>;

/** A stored network as its form shows it: ids, the body as text, goals as lines, meetings in Swedish time. */
export type NetworkFormValues = {
  slug: string;
  name: string;
  kind: (typeof NETWORK_KINDS)[number];
  summary: string;
  body: string;
  ownerId: string;
  memberIds: string[];
  topicIds: string[];
  coordinatorId: string | null;
  externalUrl: string | null;
  goals: string;
  meetings: { startsAt: string; title: string; place: string }[];
};

// ---- Meeting times are typed in Swedish time (a datetime-local field) and stored in UTC.

const TZ = "Europe/Stockholm";
const partsFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

function stockholmParts(t: number): Record<string, number> {
  return Object.fromEntries(partsFormat.formatToParts(new Date(t)).filter((p) => p.type !== "literal").map((p) => [p.type, Number(p.value)]));
}

/** "2025-03-14T09:00" in Stockholm → the instant; null for anything else, including 31 February. */
export function stockholmLocalToDate(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offset = (t: number) => {
    const p = stockholmParts(t);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - t;
  };
  const instant = wall - offset(wall - offset(wall));
  return dateToStockholmLocal(new Date(instant)) === `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` ? new Date(instant) : null;
}

/** The value of a datetime-local field showing the instant in Stockholm time. */
export function dateToStockholmLocal(date: Date | string): string {
  const p = stockholmParts(new Date(date).getTime());
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month!)}-${two(p.day!)}T${two(p.hour!)}:${two(p.minute!)}`;
}
