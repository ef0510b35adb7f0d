import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/slug";

// The shape of the files in content/. Errors name the file and field, so a communications
// officer editing a file sees what to fix.
const slug = z.string().regex(SLUG_PATTERN, { error: "must be a slug: lowercase a–z, 0–9 and hyphens" });
const date = z.coerce.date({ error: "must be a date like 2022-09-07T08:00:00+02:00" });
const text = z.string().trim().min(1);
const optionalText = z.string().trim().min(1).nullish().transform((v) => v ?? null);
const optionalWebUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).nullish().transform((v) => v ?? null);

export const imageRefSchema = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.(svg|png|jpg|jpeg|webp)$/),
  alt: text,
  caption: optionalText,
  credit: optionalText,
});

export const siteSchema = z.object({
  name: text,
  tagline: optionalText,
  description: optionalText,
  footer: z.object({
    organisation: text,
    address: optionalText,
    phone: z.string().regex(/^\+?[\d\s()-]{5,20}$/, { error: "must be a phone number" }).nullish().transform((v) => v ?? null),
    email: z.email().nullish().transform((v) => v ?? null),
    informationOwner: optionalText,
    webmaster: optionalText,
  }),
});

export const organisationSchema = z.object({
  slug,
  name: text,
  shortName: optionalText,
  kind: z.enum(["MUNICIPALITY", "REGION", "AGENCY", "ASSOCIATION", "COMPANY"]),
  county: optionalText,
  municipalityCode: z.string().regex(/^\d{4}$/).nullish().transform((v) => v ?? null),
  website: optionalWebUrl,
  description: optionalText,
});

export const personSchema = z.object({
  slug,
  name: text,
  title: optionalText,
  organisation: slug.nullish().transform((v) => v ?? null),
  bio: optionalText,
  portrait: imageRefSchema.nullish(),
});

export const topicSchema = z.object({ slug, name: text, description: optionalText });
export const seriesSchema = z.object({ slug, name: text, description: optionalText });

export const networkFrontMatterSchema = z.object({
  name: text,
  // Optional: derived from the name when left out.
  slug: slug.optional(),
  kind: z.enum(["NETWORK", "PROGRAMME", "PROJECT"]),
  summary: text,
  coordinator: slug.nullish().transform((v) => v ?? null),
  owner: slug,
  members: z.array(slug).default([]),
  topics: z.array(slug).default([]),
  externalUrl: optionalWebUrl,
  goals: z.array(z.object({ label: text, target: optionalText })).nullish().transform((v) => v ?? []),
  meetings: z.array(z.object({ date, title: text, place: text })).nullish().transform((v) => v ?? []),
  image: imageRefSchema.nullish(),
});

export const storyFrontMatterSchema = z.object({
  kind: z.enum(["NEWS", "INTERVIEW"]),
  title: text,
  // Optional: derived from the title when left out.
  slug: slug.optional(),
  lead: text,
  publishedAt: date,
  updatedAt: date.nullish(),
  byline: optionalText,
  author: slug.nullish(),
  pageOwner: optionalText,
  organisations: z.array(slug).default([]),
  topics: z.array(slug).default([]),
  interviewees: z.array(slug).nullish().transform((v) => v ?? []),
  people: z.array(slug).nullish().transform((v) => v ?? []),
  series: z.object({ slug, position: z.number().int().min(1) }).nullish(),
  networks: z.array(slug).nullish().transform((v) => v ?? []),
  metaDescription: z.string().trim().max(160).nullish(),
  hero: imageRefSchema.nullish(),
});

export const pageFrontMatterSchema = z.object({ title: text, lead: optionalText, updatedAt: date.nullish() });

export type SiteContent = z.infer<typeof siteSchema>;
export type OrganisationContent = z.infer<typeof organisationSchema>;
export type PersonContent = z.infer<typeof personSchema>;
export type TopicContent = z.infer<typeof topicSchema>;
export type SeriesContent = z.infer<typeof seriesSchema>;
export type ImageRef = z.infer<typeof imageRefSchema>;
