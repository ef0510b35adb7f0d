import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { richTextDocSchema, type RichTextDoc } from "@/lib/rich-text/schema";
import { audit } from "./audit";
import { parseOrInvalid, type CommandContext } from "./entities/shared";
import { failure, success, type CommandResult } from "@/lib/newsroom/result";

// The site's content as one plain object (docs/export-format.md): what an office takes with it
// when it leaves, as JSON with its pictures, or as a WordPress export (lib/export/wxr-writer.ts).
// Read only; nothing here changes the database but the audit entry of the command.

export const EXPORT_FORMAT = "naringslivsnytt-export";
export const EXPORT_VERSION = 1;

/**
 * A published comment: the name and text readers see, never the e-mail address. `key` is stable
 * across exports (the WordPress comment id it was imported with, else one derived from ours),
 * so importing an export again finds the comments it brought before.
 */
export type ExportedComment = { key: string; author: string; createdAt: string; body: string; reply: { organisation: string | null; body: string; repliedAt: string | null } | null };

export type ExportedStory = {
  slug: string;
  kind: "NEWS" | "INTERVIEW";
  status: "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "ARCHIVED";
  title: string;
  lead: string;
  body: RichTextDoc;
  byline: string | null;
  createdAt: string;
  publishedAt: string | null;
  contentUpdatedAt: string | null;
  organisations: string[];
  topics: string[];
  heroImage: string | null;
  comments: ExportedComment[];
};
export type ExportedMedia = { file: string; storageKey: string; mime: string; width: number; height: number; alt: string; caption: string | null; credit: string | null; originalName: string | null };
export type SiteExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  site: { name: string; url: string };
  organisation: { slug: string; name: string } | null;
  topics: { slug: string; name: string }[];
  stories: ExportedStory[];
  pages: { slug: string; title: string; lead: string | null; body: RichTextDoc }[];
  media: ExportedMedia[];
  redirects: { path: string; to: string }[];
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A WordPress-style numeric comment id: the one it was imported with, else 48 bits of our uuid. */
export function commentKey(c: { id: string; importKey: string | null }): string {
  if (c.importKey && /^\d{1,15}$/.test(c.importKey)) return c.importKey;
  return String(parseInt(c.id.replace(/-/g, "").slice(0, 12), 16));
}

function imageKeys(node: unknown, into: Set<string>): void {
  const n = node as { type?: string; attrs?: { src?: string }; content?: unknown[] };
  if (n.type === "image" && n.attrs?.src?.startsWith("/media/")) into.add(n.attrs.src.slice("/media/".length));
  for (const c of n.content ?? []) imageKeys(c, into);
}

/** Everything of the organisation (its stories, their topics and pictures; the site's pages), or of the whole site. */
export async function collectSiteExport(client: PrismaClient, opts: { organisationId: string | null; siteUrl: string; now?: Date }): Promise<SiteExport> {
  const organisation = opts.organisationId ? await client.organisation.findUniqueOrThrow({ where: { id: opts.organisationId }, select: { slug: true, name: true } }) : null;
  const settings = await client.siteSettings.findFirst({ select: { siteName: true } });
  const rows = await client.story.findMany({
    where: { deletedAt: null, ...(opts.organisationId ? { organisations: { some: { organisationId: opts.organisationId } } } : {}) },
    orderBy: { slug: "asc" },
    select: {
      id: true, slug: true, kind: true, status: true, title: true, lead: true, body: true, byline: true, createdAt: true, publishedAt: true, contentUpdatedAt: true,
      organisations: { select: { organisation: { select: { slug: true } } } },
      topics: { select: { topic: { select: { slug: true, name: true } } } },
      heroImage: { select: { storageKey: true } },
      comments: {
        where: { status: "PUBLISHED" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, importKey: true, authorName: true, body: true, createdAt: true, replyBody: true, repliedAt: true, replyOrganisation: { select: { slug: true } } },
      },
    },
  });
  const topics = new Map<string, string>();
  const keys = new Set<string>();
  const stories = rows.map((s): ExportedStory => {
    for (const t of s.topics) topics.set(t.topic.slug, t.topic.name);
    const body = richTextDocSchema.parse(s.body);
    imageKeys(body, keys);
    if (s.heroImage) keys.add(s.heroImage.storageKey);
    return {
      slug: s.slug, kind: s.kind, status: s.status, title: s.title, lead: s.lead, body, byline: s.byline,
      createdAt: s.createdAt.toISOString(), publishedAt: iso(s.publishedAt), contentUpdatedAt: iso(s.contentUpdatedAt),
      organisations: s.organisations.map((o) => o.organisation.slug).sort(),
      topics: s.topics.map((t) => t.topic.slug).sort(),
      heroImage: s.heroImage?.storageKey ?? null,
      comments: s.comments.map((c) => ({
        key: commentKey(c),
        author: c.authorName,
        createdAt: c.createdAt.toISOString(),
        body: c.body,
        reply: c.replyBody ? { organisation: c.replyOrganisation?.slug ?? null, body: c.replyBody, repliedAt: iso(c.repliedAt) } : null,
      })),
    };
  });
  // In date order, the date a WordPress export has too (so an export read back lists the same).
  const dateOf = (s: ExportedStory) => s.publishedAt ?? s.createdAt;
  stories.sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.slug.localeCompare(b.slug));
  const pageRows = await client.page.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, title: true, lead: true, body: true } });
  const pages = pageRows.map((p) => {
    const body = richTextDocSchema.parse(p.body);
    imageKeys(body, keys);
    return { slug: p.slug, title: p.title, lead: p.lead, body };
  });
  const media = await client.media.findMany({
    where: { storageKey: { in: [...keys] } },
    orderBy: { storageKey: "asc" },
    select: { storageKey: true, mime: true, width: true, height: true, alt: true, caption: true, credit: true, originalName: true },
  });
  const storyIds = new Map(rows.map((s) => [s.id, s.slug]));
  const pageIds = new Map(pageRows.map((p) => [p.id, p.slug]));
  const redirectRows = await client.pathRedirect.findMany({
    where: { OR: [{ storyId: { in: [...storyIds.keys()] } }, { pageId: { in: [...pageIds.keys()] } }] },
    orderBy: { path: "asc" },
    select: { path: true, storyId: true, pageId: true },
  });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (opts.now ?? new Date()).toISOString(),
    site: { name: settings?.siteName ?? "Näringslivsnytt", url: opts.siteUrl },
    organisation,
    topics: [...topics].map(([slug, name]) => ({ slug, name })).sort((a, b) => a.slug.localeCompare(b.slug)),
    stories,
    pages,
    media: media.map((m) => ({ file: `media/${m.storageKey}`, ...m })),
    redirects: redirectRows.map((r) => ({ path: r.path, to: r.storyId ? `story:${storyIds.get(r.storyId)}` : `page:${pageIds.get(r.pageId!)}` })),
  };
}

const inputSchema = z.object({ organisationId: z.guid({ error: "Välj en organisation." }).nullable().default(null), format: z.enum(["json", "wxr"], { error: "Välj JSON eller WordPress (WXR)." }).default("json") });

type ExportResult = CommandResult<SiteExport & { requested: "json" | "wxr" }>;

/** The export itself, audited, for the command below and the CLI (which acts as the system, actor null). */
export async function runSiteExport(client: PrismaClient, actor: { id: string; email: string } | null, input: unknown, ctx: CommandContext & { siteUrl: string }): Promise<ExportResult> {
  const parsed = parseOrInvalid(inputSchema, input);
  if (!parsed.ok) return parsed.result;
  const { organisationId, format } = parsed.data;
  if (organisationId && !(await client.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) return failure("Organisationen finns inte längre.");
  const site = await collectSiteExport(client, { organisationId, siteUrl: ctx.siteUrl });
  await audit(client, {
    actor,
    action: "site.export",
    entityType: "organisation",
    entityId: organisationId,
    summary: `Exporterade ${site.organisation ? site.organisation.name : "hela webbplatsen"} som ${format === "wxr" ? "WordPress-export (WXR)" : "JSON"}: ${site.stories.length} artiklar, ${site.pages.length} sidor, ${site.media.length} bilder`,
    ip: ctx.ip,
  });
  return success({ ...site, requested: format }, [], "Exporten är klar.");
}

/** The newsroom's export: administrators only. The caller packs the files (lib/export/package.ts). */
export async function exportSite(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext & { siteUrl: string }): Promise<ExportResult> {
  assertCan(actor, "site.export");
  return runSiteExport(client, { id: actor.id, email: actor.email }, input, ctx);
}

export const siteExportCommands = { exportSite };
