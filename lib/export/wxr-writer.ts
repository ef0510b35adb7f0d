import type { SiteExport } from "@/lib/db/site-export";
import { storyPath } from "@/lib/paths";
import { docToHtml } from "@/lib/rich-text/to-html";
import { slugify } from "@/lib/slug";

// The site export as a WordPress export (WXR 1.2), so an office can move to WordPress or any
// tool that reads it, and so our own importer can read it back (the round trip in
// tests/integration/site-export.test.ts). Pictures are attachments whose files are in the zip
// beside it under wp-content/uploads/; what WordPress has no field for (a story's kind, its
// exact status, a picture's credit) travels as post meta with a `_naringslivsnytt_` prefix.

const WP_STATUS = { PUBLISHED: "publish", SCHEDULED: "future", DRAFT: "draft", IN_REVIEW: "pending", ARCHIVED: "private" } as const;

/** Where an exported picture is, in the zip and in the WXR's URLs. */
export const uploadsPathOfKey = (storageKey: string) => `wp-content/uploads/${storageKey}`;

const cdata = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const gmt = (iso: string | null) => (iso ? iso.slice(0, 19).replace("T", " ") : "0000-00-00 00:00:00");
const meta = (key: string, value: string) => `\t\t<wp:postmeta><wp:meta_key>${cdata(key)}</wp:meta_key><wp:meta_value>${cdata(value)}</wp:meta_value></wp:postmeta>`;

export function toWxr(site: SiteExport): string {
  const base = site.site.url.replace(/\/$/, "");
  const ids = new Map<string, number>(); // storage key → attachment post id
  site.media.forEach((m, i) => ids.set(m.storageKey, i + 1));
  const mediaUrl = (key: string) => `${base}/${uploadsPathOfKey(key)}`;
  const imageSrc = (src: string) => mediaUrl(src.replace(/^\/media\//, ""));
  const imageId = (src: string) => ids.get(src.replace(/^\/media\//, ""));
  const bylines = [...new Set(site.stories.map((s) => s.byline).filter((b): b is string => !!b))].sort();
  const login = (byline: string) => slugify(byline) || "redaktionen";
  const topicName = new Map(site.topics.map((t) => [t.slug, t.name]));
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8" ?>`,
    `<!-- A WordPress eXtended RSS file made by Näringslivsnytt's export (${site.format} ${site.version}). -->`,
    `<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">`,
    `<channel>`,
    `\t<title>${xml(site.organisation ? `${site.site.name} – ${site.organisation.name}` : site.site.name)}</title>`,
    `\t<link>${xml(base)}</link>`,
    `\t<language>sv-SE</language>`,
    `\t<wp:wxr_version>1.2</wp:wxr_version>`,
    `\t<wp:base_site_url>${xml(base)}</wp:base_site_url>`,
    `\t<wp:base_blog_url>${xml(base)}</wp:base_blog_url>`,
    ...bylines.map((b) => `\t<wp:author><wp:author_login>${cdata(login(b))}</wp:author_login><wp:author_display_name>${cdata(b)}</wp:author_display_name></wp:author>`),
    ...site.topics.map((t) => `\t<wp:category><wp:category_nicename>${cdata(t.slug)}</wp:category_nicename><wp:category_parent>${cdata("")}</wp:category_parent><wp:cat_name>${cdata(t.name)}</wp:cat_name></wp:category>`),
  ];
  for (const m of site.media) {
    out.push(
      `\t<item>`,
      `\t\t<title>${cdata(m.originalName ?? m.storageKey)}</title>`,
      `\t\t<guid isPermaLink="false">${xml(mediaUrl(m.storageKey))}</guid>`,
      `\t\t<excerpt:encoded>${cdata(m.caption ?? "")}</excerpt:encoded>`,
      `\t\t<wp:post_id>${ids.get(m.storageKey)}</wp:post_id>`,
      `\t\t<wp:status>inherit</wp:status>`,
      `\t\t<wp:post_type>attachment</wp:post_type>`,
      `\t\t<wp:attachment_url>${cdata(mediaUrl(m.storageKey))}</wp:attachment_url>`,
      meta("_wp_attachment_image_alt", m.alt),
      ...(m.credit ? [meta("_naringslivsnytt_credit", m.credit)] : []),
      ...(m.originalName ? [meta("_naringslivsnytt_original_name", m.originalName)] : []),
      `\t</item>`,
    );
  }
  let next = site.media.length + 1;
  for (const s of site.stories) {
    const url = `${base}${storyPath(s)}`;
    out.push(
      `\t<item>`,
      `\t\t<title>${cdata(s.title)}</title>`,
      `\t\t<link>${xml(url)}</link>`,
      `\t\t<dc:creator>${cdata(s.byline ? login(s.byline) : "")}</dc:creator>`,
      `\t\t<guid isPermaLink="false">${xml(url)}</guid>`,
      `\t\t<content:encoded>${cdata(docToHtml(s.body, imageSrc, (src) => imageId(src) ?? null))}</content:encoded>`,
      `\t\t<excerpt:encoded>${cdata(s.lead)}</excerpt:encoded>`,
      `\t\t<wp:post_id>${next++}</wp:post_id>`,
      `\t\t<wp:post_date_gmt>${cdata(gmt(s.publishedAt ?? s.createdAt))}</wp:post_date_gmt>`,
      `\t\t<wp:post_modified_gmt>${cdata(gmt(s.contentUpdatedAt ?? s.publishedAt ?? s.createdAt))}</wp:post_modified_gmt>`,
      `\t\t<wp:post_name>${cdata(s.slug)}</wp:post_name>`,
      `\t\t<wp:status>${cdata(WP_STATUS[s.status])}</wp:status>`,
      `\t\t<wp:post_type>post</wp:post_type>`,
      ...s.topics.map((t) => `\t\t<category domain="category" nicename="${xml(t)}">${cdata(topicName.get(t) ?? t)}</category>`),
      ...(s.heroImage && ids.has(s.heroImage) ? [meta("_thumbnail_id", String(ids.get(s.heroImage)))] : []),
      meta("_naringslivsnytt_kind", s.kind),
      meta("_naringslivsnytt_status", s.status),
      // Published comments, as approved ones; the text is plain, so it is escaped as HTML.
      // An organisation's reply has no place in WXR and stays in the JSON export only.
      ...s.comments.map((c) =>
        [
          `\t\t<wp:comment>`,
          `\t\t\t<wp:comment_id>${c.key}</wp:comment_id>`,
          `\t\t\t<wp:comment_author>${cdata(c.author)}</wp:comment_author>`,
          `\t\t\t<wp:comment_date_gmt>${cdata(gmt(c.createdAt))}</wp:comment_date_gmt>`,
          `\t\t\t<wp:comment_content>${cdata(xml(c.body))}</wp:comment_content>`,
          `\t\t\t<wp:comment_approved>1</wp:comment_approved>`,
          `\t\t\t<wp:comment_type>comment</wp:comment_type>`,
          `\t\t\t<wp:comment_parent>0</wp:comment_parent>`,
          `\t\t</wp:comment>`,
        ].join("\n"),
      ),
      `\t</item>`,
    );
  }
  for (const p of site.pages) {
    const url = `${base}/${p.slug}`;
    out.push(
      `\t<item>`,
      `\t\t<title>${cdata(p.title)}</title>`,
      `\t\t<link>${xml(url)}</link>`,
      `\t\t<guid isPermaLink="false">${xml(url)}</guid>`,
      `\t\t<content:encoded>${cdata(docToHtml(p.body, imageSrc, (src) => imageId(src) ?? null))}</content:encoded>`,
      `\t\t<excerpt:encoded>${cdata(p.lead ?? "")}</excerpt:encoded>`,
      `\t\t<wp:post_id>${next++}</wp:post_id>`,
      `\t\t<wp:post_name>${cdata(p.slug)}</wp:post_name>`,
      `\t\t<wp:status>publish</wp:status>`,
      `\t\t<wp:post_type>page</wp:post_type>`,
      `\t</item>`,
    );
  }
  out.push(`</channel>`, `</rss>`, "");
  return out.join("\n");
}
