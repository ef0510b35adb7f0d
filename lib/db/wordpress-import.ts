import "server-only";
import type { Readable } from "node:stream";
import { z } from "zod";
import type { Prisma, PrismaClient, StoryStatus } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache";
import { audit } from "./audit";
import { parseOrInvalid, type CommandContext } from "./entities/shared";
import { failure, success, type CommandResult } from "@/lib/newsroom/result";
import { idKey, oldAddressKeyOfUrl } from "@/lib/old-address.mjs";
import { decodeEntities } from "@/lib/rich-text/html-parse";
import { pasteMessage, type PasteReport } from "@/lib/rich-text/paste";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { SLUG_MAX_LENGTH, slugify } from "@/lib/slug";
import { emptyStoryFields, type StoryFields } from "@/lib/validation/story";
import { wordpressContentToDoc } from "@/lib/wordpress/content";
import { emptyMediaReport, featuredImage, importAttachments, libraryResolver, type AttachmentIndex, type MediaImport, type MediaReport } from "./wordpress-media";
import { readWxr, WxrError, type WxrComment, type WxrExport, type WxrItem } from "@/lib/wordpress/wxr";

// A WordPress export into one organisation: posts → stories (dates and statuses kept), pages →
// editorial pages, categories and tags → topics, authors → bylines, each post's old address →
// a path redirect, attachments → the media library, comments → comments (approved ones
// published, waiting ones in the moderation queue, spam and trash left out). Everything it makes
// is remembered (import_source; comment.import_key per story), so a re-run updates it and never
// duplicates. A real import commits per batch of posts (BATCH_SIZE), so ten thousand posts are
// not one transaction and a run that stops half-way is continued by running it again; a dry run
// does all of it in one transaction that is rolled back (decision 026).

type Tx = Prisma.TransactionClient;
type AuditActor = { id: string; email: string } | null;

export type ImportOptions = {
  organisationId: string;
  dryRun: boolean;
  /** Where the uploads are; without it attachments are counted and reported, not imported. */
  media?: MediaImport;
  now?: Date;
  ip?: string | null;
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Posts and pages per committed transaction (a real import); BATCH_SIZE unless told. */
  batchSize?: number;
};

export const BATCH_SIZE = 200;

export type CommentReport = {
  found: number;
  published: number;
  pending: number;
  /** Imported by an earlier run: left as the newsroom has them now (moderated, answered, anonymised). */
  existing: number;
  spam: number;
  trash: number;
  empty: number;
  /** Replies to another comment, imported as comments of their own (the site has no threads). */
  flattened: number;
};

export type ImportReport = {
  dryRun: boolean;
  site: string;
  stories: { created: number; updated: number };
  pages: { created: number; updated: number };
  topics: { created: number; linked: number; updated: number };
  redirects: number;
  bylines: string[];
  /** Posts and pages left out, with why (Swedish). */
  skipped: { title: string; reason: string }[];
  /** What the allowlist dropped, in total and per post. */
  dropped: PasteReport;
  droppedIn: { title: string; message: string }[];
  attachments: number;
  media: MediaReport;
  comments: CommentReport;
  /** The report as Swedish lines, for the CLI and the newsroom. */
  lines: string[];
};

const STATUS: Record<string, StoryStatus> = { publish: "PUBLISHED", future: "SCHEDULED", draft: "DRAFT", pending: "IN_REVIEW", private: "DRAFT" };
const OUR_STATUSES = new Set<string>(["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"]);
const TITLE_MAX = 200;
const LEAD_MAX = 600;

const inputSchema = z.object({ organisationId: z.guid({ error: "Välj en organisation." }), dryRun: z.boolean().default(false) });

class DryRun extends Error {}

/** A real import that failed after some batches were committed: what they changed stays (and its pages must be invalidated). */
export class ImportStopped extends Error {
  constructor(
    readonly reason: unknown,
    readonly committed: number,
    readonly tags: string[],
  ) {
    super(`WordPress import stopped after ${committed} items: ${(reason as Error)?.message ?? reason}`, { cause: reason });
  }
}

function plainText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}

function docText(node: unknown): string {
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? "") + (n.content ?? []).map(docText).join(n.content && !n.text ? " " : "");
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,.;:]+$/, "")}…`;
}

function leadOf(item: WxrItem, doc: RichTextDoc): string {
  const excerpt = plainText(item.excerpt);
  if (excerpt) return cut(excerpt, LEAD_MAX);
  const first = (doc.content ?? []).find((b) => (b as { type: string }).type === "paragraph");
  return cut(first ? docText(first).replace(/\s+/g, " ").trim() : "", LEAD_MAX);
}

async function freeSlug(tx: Tx, table: "story" | "page", wanted: string): Promise<string> {
  const base = (wanted || "importerad").slice(0, SLUG_MAX_LENGTH - 5).replace(/-+$/, "");
  const taken = async (slug: string) => (table === "story" ? tx.story.findUnique({ where: { slug }, select: { id: true } }) : tx.page.findUnique({ where: { slug }, select: { id: true } }));
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) if (!(await taken(`${base}-${n}`))) return `${base}-${n}`;
}

async function importedTarget(tx: Tx, organisationId: string, kind: string, sourceKey: string): Promise<string | null> {
  const row = await tx.importSource.findUnique({ where: { organisationId_kind_sourceKey: { organisationId, kind, sourceKey } }, select: { targetId: true } });
  return row?.targetId ?? null;
}

async function remember(tx: Tx, organisationId: string, kind: string, sourceKey: string, targetId: string): Promise<void> {
  await tx.importSource.upsert({
    where: { organisationId_kind_sourceKey: { organisationId, kind, sourceKey } },
    create: { organisationId, kind, sourceKey, targetId },
    update: { targetId, importedAt: new Date() },
  });
}

function emptyReport(dryRun: boolean, wxr: WxrExport): ImportReport {
  return {
    dryRun,
    site: wxr.channel?.title || wxr.channel?.baseUrl || "",
    stories: { created: 0, updated: 0 },
    pages: { created: 0, updated: 0 },
    topics: { created: 0, linked: 0, updated: 0 },
    redirects: 0,
    bylines: [],
    skipped: [],
    dropped: { images: 0, embeds: 0, unsafeLinks: 0, comments: 0, tableRows: 0, tableColumns: 0 },
    droppedIn: [],
    attachments: 0,
    media: emptyMediaReport(),
    comments: { found: 0, published: 0, pending: 0, existing: 0, spam: 0, trash: 0, empty: 0, flattened: 0 },
    lines: [],
  };
}

type Run = { tx: Tx; organisationId: string; report: ImportReport; tagList: Set<string>; now: Date; images: AttachmentIndex };

/** Categories and tags → topics: our own earlier import, else a topic with the same address, else a new one. */
async function importTerms(run: Run, wxr: WxrExport): Promise<Map<string, string>> {
  const { tx, organisationId, report } = run;
  const terms = new Map<string, string>(); // "category:slug" → name
  for (const t of wxr.terms) terms.set(`${t.kind}:${t.slug}`, t.name || t.slug);
  for (const item of wxr.items) for (const t of item.terms) if (!terms.has(`${t.kind}:${t.slug}`)) terms.set(`${t.kind}:${t.slug}`, t.name || t.slug);
  const topicIds = new Map<string, string>();
  for (const [key, name] of terms) {
    const mine = await importedTarget(tx, organisationId, "topic", key);
    const existing = mine ? await tx.topic.findUnique({ where: { id: mine }, select: { id: true, name: true, slug: true } }) : null;
    let topic = existing;
    if (existing && existing.name !== name) {
      await tx.topic.update({ where: { id: existing.id }, data: { name } });
      report.topics.updated++;
    }
    if (!topic) {
      const slug = slugify(name) || slugify(key.split(":")[1] ?? "");
      if (!slug) continue;
      topic = await tx.topic.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
      if (topic) report.topics.linked++;
      else {
        topic = await tx.topic.create({ data: { slug, name }, select: { id: true, name: true, slug: true } });
        report.topics.created++;
      }
      await remember(tx, organisationId, "topic", key, topic.id);
    }
    topicIds.set(key, topic.id);
    run.tagList.add(tags.topic(topic.slug));
  }
  return topicIds;
}

async function redirect(run: Run, paths: (string | null)[], target: { storyId: string } | { pageId: string }, newPath: string): Promise<void> {
  for (const path of new Set(paths)) {
    if (!path || path === newPath) continue;
    const data = "storyId" in target ? { storyId: target.storyId, pageId: null } : { pageId: target.pageId, storyId: null };
    await run.tx.pathRedirect.upsert({ where: { path }, create: { path, ...data }, update: data });
    run.report.redirects++;
  }
}

function noteDropped(run: Run, title: string, dropped: PasteReport): void {
  for (const k of Object.keys(dropped) as (keyof PasteReport)[]) run.report.dropped[k] += dropped[k];
  const message = pasteMessage(dropped);
  if (message) run.report.droppedIn.push({ title, message: message.replace(/^Inklistrat\. /, "") });
}

async function importPost(run: Run, item: WxrItem, authors: Map<string, string>, topicIds: Map<string, string>): Promise<void> {
  const { tx, organisationId, report } = run;
  const title = cut(item.title || "(Utan rubrik)", TITLE_MAX);
  // Our own export says exactly what WordPress has no status for (lib/export/wxr-writer.ts).
  const ours = item.meta._naringslivsnytt_status as StoryStatus | undefined;
  let status = ours && OUR_STATUSES.has(ours) ? ours : STATUS[item.status];
  if (!status) {
    report.skipped.push({ title, reason: item.status === "trash" ? "ligger i papperskorgen i WordPress" : `har statusen ”${item.status || "okänd"}”` });
    return;
  }
  const date = item.date ?? run.now;
  if (status === "SCHEDULED" && date <= run.now) status = "PUBLISHED";
  const { doc, report: dropped, images } = wordpressContentToDoc(item.content, libraryResolver(run.images));
  noteDropped(run, title, dropped);
  const heroImageId = featuredImage(run.images, item);
  report.media.inBodies += images;
  if (heroImageId) report.media.featured++;
  const byline = authors.get(item.creator) ?? (item.creator || null);
  const topics = [...new Set(item.terms.map((t) => topicIds.get(`${t.kind}:${t.slug}`)).filter((id): id is string => !!id))];
  const published = status === "PUBLISHED" || status === "SCHEDULED";
  const scalars = {
    title,
    lead: leadOf(item, doc),
    body: doc as unknown as Prisma.InputJsonValue,
    status,
    publishedAt: published || status === "ARCHIVED" ? date : null,
    contentUpdatedAt: published && item.modified && item.modified > date ? item.modified : null,
    byline,
    heroImageId,
  };

  const existingId = await importedTarget(tx, organisationId, "story", item.guid);
  const existing = existingId ? await tx.story.findUnique({ where: { id: existingId }, select: { id: true, slug: true, version: true, kind: true } }) : null;
  let story: { id: string; slug: string; version: number; kind: string };
  if (existing) {
    story = await tx.story.update({ where: { id: existing.id }, data: { ...scalars, version: { increment: 1 } }, select: { id: true, slug: true, version: true, kind: true } });
    await tx.storyTopic.deleteMany({ where: { storyId: story.id } });
    report.stories.updated++;
  } else {
    const slug = await freeSlug(tx, "story", slugify(item.slug) || slugify(title));
    const kind = item.meta._naringslivsnytt_kind === "INTERVIEW" ? "INTERVIEW" : "NEWS";
    story = await tx.story.create({ data: { ...scalars, kind, slug, createdAt: date }, select: { id: true, slug: true, version: true, kind: true } });
    await remember(tx, organisationId, "story", item.guid, story.id);
    report.stories.created++;
  }
  await tx.storyOrganisation.createMany({ data: [{ storyId: story.id, organisationId }], skipDuplicates: true });
  await tx.storyTopic.createMany({ data: topics.map((topicId) => ({ storyId: story.id, topicId })) });
  const organisationIds = (await tx.storyOrganisation.findMany({ where: { storyId: story.id }, select: { organisationId: true } })).map((o) => o.organisationId);
  const snapshot: StoryFields = { ...emptyStoryFields(organisationIds), kind: story.kind as StoryFields["kind"], title, slug: story.slug, lead: scalars.lead, body: doc, topicIds: topics, byline, heroImageId };

  await tx.storyRevision.create({ data: { storyId: story.id, version: story.version, snapshot: snapshot as unknown as Prisma.InputJsonValue, reason: "import" } });
  const newPath = `${story.kind === "INTERVIEW" ? "/intervjuer" : "/nyheter"}/${story.slug}`;
  await redirect(run, [oldAddressKeyOfUrl(item.link), item.id ? idKey("p", item.id) : null], { storyId: story.id }, newPath);
  if (published) run.tagList.add(tags.story(story.slug));
  await importComments(run, story.id, item.comments, date);
}

/** A WordPress comment's HTML as the plain text our comments are (line breaks kept). */
export function commentText(html: string): string {
  const text = html
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p\s*>/gi, "\n\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(text)
    .split("\n")
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

async function importComments(run: Run, storyId: string, comments: WxrComment[], postDate: Date): Promise<void> {
  const { tx, report } = run;
  const ids = new Set(comments.map((c) => c.id));
  for (const c of comments) {
    report.comments.found++;
    if (c.state === "spam" || c.state === "trash") {
      report.comments[c.state]++;
      continue;
    }
    const body = commentText(c.content);
    if (!body) {
      report.comments.empty++;
      continue;
    }
    const importKey = c.id || `${c.date?.toISOString() ?? ""}|${c.author}`;
    const existing = await tx.comment.findUnique({ where: { storyId_importKey: { storyId, importKey } }, select: { id: true } });
    if (existing) {
      report.comments.existing++;
      continue;
    }
    if (c.parent && ids.has(c.parent)) report.comments.flattened++;
    const published = c.state === "approved";
    await tx.comment.create({
      data: {
        storyId,
        importKey,
        authorName: c.author.slice(0, 80) || "Anonym",
        authorEmail: c.authorEmail.toLowerCase(),
        body,
        status: published ? "PUBLISHED" : "PENDING",
        ipHash: "",
        createdAt: c.date ?? postDate,
        moderatedAt: published ? run.now : null,
      },
    });
    report.comments[published ? "published" : "pending"]++;
  }
}

// The site's editorial pages have fixed addresses (app/(site)/om, kontakt, om-kakor,
// tillganglighet); a WordPress page goes where its address says it fits, or is reported.
const PAGE_FITS: Record<string, string[]> = {
  om: ["om", "om-oss", "om-webbplatsen", "om-sajten", "about", "about-us"],
  kontakt: ["kontakt", "kontakta-oss", "contact"],
  "om-kakor": ["om-kakor", "kakor", "cookies", "cookie-policy", "om-cookies"],
  tillganglighet: ["tillganglighet", "tillganglighetsredogorelse", "accessibility"],
};

export function pageSlugFor(slug: string): string | null {
  return Object.entries(PAGE_FITS).find(([, fits]) => fits.includes(slug))?.[0] ?? null;
}

async function importPage(run: Run, item: WxrItem): Promise<void> {
  const { tx, organisationId, report } = run;
  const title = cut(item.title || "(Utan rubrik)", TITLE_MAX);
  if (item.status !== "publish") {
    report.skipped.push({ title, reason: "är en sida som inte är publicerad" });
    return;
  }
  const { doc, report: dropped, images } = wordpressContentToDoc(item.content, libraryResolver(run.images));
  noteDropped(run, title, dropped);
  run.report.media.inBodies += images;
  const lead = plainText(item.excerpt) || null;
  const existingId = await importedTarget(tx, organisationId, "page", item.guid);
  const existing = existingId ? await tx.page.findUnique({ where: { id: existingId }, select: { id: true } }) : null;
  let page: { id: string; slug: string };
  if (existing) {
    page = await tx.page.update({ where: { id: existing.id }, data: { title, lead, body: doc as unknown as Prisma.InputJsonValue }, select: { id: true, slug: true } });
    report.pages.updated++;
  } else {
    const wanted = pageSlugFor(slugify(item.slug) || slugify(title));
    if (!wanted) {
      report.skipped.push({ title, reason: "är en sida som inte motsvarar någon av webbplatsens sidor (Om, Kontakt, Om kakor, Tillgänglighet)" });
      return;
    }
    if (await tx.page.findUnique({ where: { slug: wanted }, select: { id: true } })) {
      // A page the site already has stays as it is; the office can copy the text over.
      report.skipped.push({ title, reason: `sidan /${wanted} finns redan på webbplatsen` });
      return;
    }
    page = await tx.page.create({ data: { slug: wanted, title, lead, body: doc as unknown as Prisma.InputJsonValue }, select: { id: true, slug: true } });
    await remember(tx, organisationId, "page", item.guid, page.id);
    report.pages.created++;
  }
  await redirect(run, [oldAddressKeyOfUrl(item.link), item.id ? idKey("page_id", item.id) : null], { pageId: page.id }, `/${page.slug}`);
  run.tagList.add(tags.page(page.slug));
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function reportLines(r: ImportReport): string[] {
  const lines = [
    `${r.dryRun ? "Provkörning (inget sparades)" : "Importen är klar"}: ${r.site || "WordPress-export"}.`,
    `Artiklar: ${r.stories.created} nya, ${r.stories.updated} uppdaterade.`,
    `Sidor: ${r.pages.created} nya, ${r.pages.updated} uppdaterade.`,
    `Ämnen: ${r.topics.created} nya, ${r.topics.linked} fanns redan${r.topics.updated ? `, ${r.topics.updated} bytte namn` : ""}.`,
    `Omdirigeringar från gamla adresser: ${r.redirects}.`,
  ];
  if (r.bylines.length) lines.push(`Bylines: ${r.bylines.join(", ")}.`);
  if (r.droppedIn.length) {
    lines.push(`Borttaget ur texterna (samma regler som när man klistrar in i redigeraren): ${pasteMessage(r.dropped)?.replace(/^Inklistrat\. Borttaget: /, "")}`);
    for (const d of r.droppedIn) lines.push(`  – ${d.title}: ${d.message}`);
  }
  for (const s of r.skipped) lines.push(`Hoppade över ”${s.title}”: ${s.reason}.`);
  const m = r.media;
  if (m.created || m.reused) lines.push(`Bilder: ${m.created} nya i mediebiblioteket, ${m.reused} fanns redan; ${m.featured} som huvudbild, ${m.inBodies} i texterna.`);
  if (m.missing.length) lines.push(`${n(m.missing.length, "fil saknades", "filer saknades")} bland bilderna: ${m.missing.slice(0, 10).join(", ")}${m.missing.length > 10 ? " …" : ""}.`);
  for (const x of m.rejected) lines.push(`Bilden ${x.name} togs inte med: ${x.reason}`);
  if (r.attachments && !m.created && !m.reused && !m.missing.length && !m.rejected.length)
    lines.push(`${n(r.attachments, "bilaga", "bilagor")} hittades; ange mappen eller zip-filen med bilderna för att importera dem.`);
  const c = r.comments;
  if (c.found) {
    const left = [c.spam ? `${c.spam} skräppost` : "", c.trash ? `${c.trash} i papperskorgen` : "", c.empty ? `${c.empty} utan text` : ""].filter(Boolean);
    lines.push(
      `Kommentarer: ${c.found} hittades; ${c.published} publicerade, ${c.pending} till granskning${c.existing ? `, ${c.existing} fanns redan (lämnades som de är)` : ""}${left.length ? `; hoppade över ${left.join(", ")}` : ""}.`,
    );
    if (c.flattened) lines.push(`${n(c.flattened, "svar på en annan kommentar blev en egen kommentar", "svar på andra kommentarer blev egna kommentarer")}: webbplatsen visar inte kommentarer i trådar.`);
  }
  return lines;
}

/**
 * The import itself, for the command below and the CLI (which acts as the system, actor null).
 * Returns the report, or throws WxrError for a file that cannot be read.
 */
export async function runWordpressImport(client: PrismaClient, actor: AuditActor, source: Readable, opts: ImportOptions): Promise<{ report: ImportReport; tags: string[] }> {
  const wxr = await readWxr(source);
  const organisation = await client.organisation.findUniqueOrThrow({ where: { id: opts.organisationId }, select: { id: true, slug: true, name: true } });
  const report = emptyReport(opts.dryRun, wxr);
  const tagList = new Set<string>([tags.stories, tags.topics, tags.oldAddresses, tags.organisation(organisation.slug)]);
  const authors = new Map(wxr.authors.map((a) => [a.login, a.displayName || a.login]));
  const contentItems = wxr.items.filter((i) => i.type !== "attachment");
  const attachments = wxr.items.filter((i) => i.type === "attachment");
  report.attachments = attachments.length;
  const size = Math.max(1, opts.batchSize ?? BATCH_SIZE);
  const now = opts.now ?? new Date();
  let committed = 0;
  let done = 0;

  // `batch` runs one unit of work: its own committed transaction in a real import, or a part
  // of the one rolled-back transaction of a dry run.
  const work = async (batch: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>) => {
    const images: AttachmentIndex = { byId: new Map(), byPath: new Map() };
    if (opts.media) {
      for (let i = 0; i < attachments.length; i += size) {
        const part = await batch((tx) => importAttachments(tx, organisation.id, opts.media!, opts.dryRun, attachments.slice(i, i + size), report.media));
        for (const [k, v] of part.byId) images.byId.set(k, v);
        for (const [k, v] of part.byPath) images.byPath.set(k, v);
      }
    }
    const runIn = (tx: Tx): Run => ({ tx, organisationId: organisation.id, report, tagList, now, images });
    const topicIds = await batch((tx) => importTerms(runIn(tx), wxr));
    for (let i = 0; i < contentItems.length; i += size) {
      await batch(async (tx) => {
        const run = runIn(tx);
        for (const item of contentItems.slice(i, i + size)) {
          if (item.type === "post") await importPost(run, item, authors, topicIds);
          else await importPage(run, item);
          await opts.onProgress?.(++done, contentItems.length);
        }
      });
      committed = Math.min(i + size, contentItems.length);
    }
    report.bylines = [...new Set(contentItems.filter((i) => i.type === "post" && STATUS[i.status]).map((i) => authors.get(i.creator) ?? i.creator).filter(Boolean))];
    report.lines = reportLines(report);
    if (opts.dryRun) throw new DryRun();
    await batch((tx) =>
      audit(tx, {
        actor,
        action: "wordpress.import",
        entityType: "organisation",
        entityId: organisation.id,
        summary: `Importerade WordPress-exporten ”${report.site}” till ${organisation.name}: ${report.stories.created} nya och ${report.stories.updated} uppdaterade artiklar, ${report.pages.created + report.pages.updated} sidor, ${report.comments.published + report.comments.pending} kommentarer`,
        ip: opts.ip,
      }),
    );
  };

  const txOptions = { timeout: 30 * 60_000, maxWait: 30_000 };
  if (opts.dryRun) {
    try {
      await client.$transaction((tx) => work((fn) => fn(tx)), txOptions);
    } catch (err) {
      if (!(err instanceof DryRun)) throw err;
    }
    return { report, tags: [] };
  }
  try {
    await work((fn) => client.$transaction(fn, txOptions));
  } catch (err) {
    // What the committed batches changed stays; the log says so, and a re-run continues.
    if (committed > 0)
      await audit(client, {
        actor,
        action: "wordpress.import",
        entityType: "organisation",
        entityId: organisation.id,
        summary: `WordPress-importen ”${report.site}” till ${organisation.name} avbröts efter ${committed} av ${contentItems.length} inlägg och sidor; det som hann sparas finns kvar och en ny körning fortsätter`,
        ip: opts.ip,
      }).catch(() => undefined);
    throw committed > 0 ? new ImportStopped(err, committed, [...tagList]) : err;
  }
  return { report, tags: [...tagList] };
}

/** The newsroom command: administrators only; the file comes as a stream beside the input. */
export async function importWordpress(client: PrismaClient, actor: Actor, input: unknown, source: Readable, ctx: CommandContext = {}): Promise<CommandResult<ImportReport>> {
  assertCan(actor, "wordpress.import");
  const parsed = parseOrInvalid(inputSchema, input);
  if (!parsed.ok) return parsed.result;
  if (!(await client.organisation.findUnique({ where: { id: parsed.data.organisationId }, select: { id: true } }))) return failure("Organisationen finns inte längre.");
  try {
    const { report, tags: tagList } = await runWordpressImport(client, { id: actor.id, email: actor.email }, source, { ...parsed.data, ip: ctx.ip });
    return success(report, tagList, report.lines[0]);
  } catch (err) {
    if (err instanceof WxrError) return failure(err.message);
    throw err;
  }
}

export const wordpressCommands = { importWordpress };
