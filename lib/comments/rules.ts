import { z } from "zod";

// The rules of readers' comments (decision 019) that both the server and the form need:
// the submit schema with its Swedish messages, the spam limits, and when commenting is open.

export const NAME_MAX = 80;
export const BODY_MAX = 3000;
/** A comment may name at most this many web addresses. */
export const MAX_LINKS = 2;
/** A human needs at least this long to write a comment; a faster submit is a bot's. */
export const MIN_FILL_MS = 3000;
/** A form older than this is stale: its token is refused and the reader sends it again. */
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;
/** Submissions per e-mail address and per client address within LIMIT_WINDOW_MS. */
export const LIMIT_PER_EMAIL = 5;
export const LIMIT_PER_IP = 10;
export const LIMIT_WINDOW_MS = 60 * 60 * 1000;
/** The same text from the same address (or the same client) within this long is a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Rejected and spam comments are deleted this long after they were moderated. */
export const RETENTION_DAYS = 30;

const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;

/** How many web addresses a text names. */
export function linkCount(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** Whitespace and case do not make a text new. */
export function normaliseBody(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** An e-mail address, trimmed and lower-cased. */
export const emailField = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .pipe(z.email({ error: "Skriv en giltig e-postadress, till exempel namn@exempel.se." }))
    .transform((v) => v.toLowerCase());

const trimmed = (max: number, required: string, tooLong: string) => z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });

export const commentSubmitSchema = z.object({
  storyId: z.uuid({ error: "Artikeln finns inte längre." }),
  name: trimmed(NAME_MAX, "Skriv ditt namn.", `Namnet får vara högst ${NAME_MAX} tecken.`),
  email: emailField("Skriv din e-postadress."),
  body: trimmed(BODY_MAX, "Skriv en kommentar.", `Kommentaren får vara högst ${BODY_MAX} tecken.`).refine((v) => linkCount(v) <= MAX_LINKS, {
    error: `Kommentaren får innehålla högst ${MAX_LINKS} webbadresser.`,
  }),
  consent: z.literal("ja", { error: "Bekräfta att du har läst hur vi hanterar dina uppgifter." }),
  // The honeypot: hidden from people, filled in by bots.
  website: z.string().optional(),
  // When the form was shown, signed by the server (formToken in lib/db/comments.ts).
  formToken: z.string().optional(),
});

export type CommentSubmitInput = z.infer<typeof commentSubmitSchema>;

/** Commenting is open on a published story unless closed by hand or `closeAfterDays` (0: never) have passed since publication. */
export function commentsOpen(story: { commentsClosed: boolean; publishedAt: Date | null }, closeAfterDays: number, now = new Date()): boolean {
  if (story.commentsClosed || !story.publishedAt) return false;
  if (closeAfterDays === 0) return true;
  return now.getTime() - story.publishedAt.getTime() < closeAfterDays * 24 * 60 * 60 * 1000;
}

/** "1 kommentar", "3 kommentarer". */
export function commentCountLabel(n: number): string {
  return `${n} ${n === 1 ? "kommentar" : "kommentarer"}`;
}

export const moderationIdSchema = z.object({ id: z.uuid({ error: "Kommentaren finns inte." }) });
export const replySchema = z.object({
  id: z.uuid({ error: "Kommentaren finns inte." }),
  organisationId: z.uuid({ error: "Välj vilken organisation som svarar." }),
  reply: z.string({ error: "Skriv ett svar." }).trim().max(BODY_MAX, { error: `Svaret får vara högst ${BODY_MAX} tecken.` }),
});
export const closeSchema = z.object({
  storyId: z.uuid({ error: "Artikeln finns inte." }),
  closed: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "Välj öppen eller stängd." }),
});
