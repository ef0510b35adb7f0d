import type { Readable } from "node:stream";
import sax from "sax";

// WordPress's export file (WXR 1.2: rss/channel with wp:author, wp:category, wp:tag and items)
// read with a streaming XML parser: each record is handed on as soon as its closing tag is read,
// so a file of ten thousand posts never exists as one document tree.

export type WxrAuthor = { login: string; email: string; displayName: string };
export type WxrTerm = { kind: "category" | "tag"; slug: string; name: string; parent: string | null };
/** WordPress's comment_approved: "1" approved, "0" waiting, "spam", "trash" (anything else counts as waiting). */
export type WxrCommentState = "approved" | "pending" | "spam" | "trash";
export type WxrComment = { id: string; author: string; authorEmail: string; date: Date | null; content: string; state: WxrCommentState; parent: string | null };
export type WxrPostType = "post" | "page" | "attachment";
export type WxrItem = {
  type: WxrPostType;
  id: string;
  guid: string;
  link: string;
  title: string;
  slug: string;
  creator: string;
  content: string;
  excerpt: string;
  status: string; // publish | draft | pending | future | private | trash | inherit
  /** Post date in UTC (wp:post_date_gmt), or the local date read as Swedish time when GMT is unset. */
  date: Date | null;
  modified: Date | null;
  parent: string | null;
  attachmentUrl: string | null;
  terms: { kind: "category" | "tag"; slug: string; name: string }[];
  meta: Record<string, string>;
  comments: WxrComment[];
};
export type WxrChannel = { title: string; link: string; baseUrl: string };

export type WxrHandlers = {
  channel?: (c: WxrChannel) => void;
  author?: (a: WxrAuthor) => void;
  term?: (t: WxrTerm) => void;
  /** Any other post type (nav_menu_item, wp_block, …) is counted here and not handed on. */
  skipped?: (type: string) => void;
  item?: (i: WxrItem) => void;
};

export class WxrError extends Error {}

/** "2021-05-04 09:30:00" in UTC, or null for WordPress's "0000-00-00 00:00:00". */
function gmtDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || m[1] === "0000") return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A local WordPress date read as Stockholm time (the offset of that very day). */
function localDate(value: string): Date | null {
  const asUtc = gmtDate(value);
  if (!asUtc) return null;
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" }).formatToParts(asUtc);
  const offset = /GMT([+-]\d{2}):?(\d{2})?/.exec(parts.find((p) => p.type === "timeZoneName")?.value ?? "");
  const minutes = offset ? Number(offset[1]) * 60 + Math.sign(Number(offset[1])) * Number(offset[2] ?? 0) : 0;
  return new Date(asUtc.getTime() - minutes * 60_000);
}

type Frame = { name: string; attrs: Record<string, string>; text: string; fields: Record<string, string>; children: Frame[] };

const RECORD = new Set(["item", "wp:author", "wp:category", "wp:tag", "wp:comment", "wp:postmeta"]);

/**
 * Streams a WXR file, calling the handlers per record. Rejects with WxrError (a Swedish message
 * with the line) on XML that is not well-formed or a file that is not a WordPress export.
 */
export function streamWxr(input: Readable, handlers: WxrHandlers): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = sax.createStream(true, { trim: false, normalize: false, position: true });
    const stack: Frame[] = [];
    let sawRss = false;
    let channel: WxrChannel | null = null;
    const channelFields: Record<string, string> = {};
    let failed = false;

    const fail = (message: string) => {
      if (failed) return;
      failed = true;
      input.unpipe?.(parser);
      reject(new WxrError(message));
    };

    parser.on("opentag", (tag) => {
      if (stack.length === 0 && tag.name !== "rss") return fail("Filen är inte en WordPress-export (WXR): den börjar inte med <rss>.");
      if (tag.name === "rss") sawRss = true;
      const attrs = Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]));
      stack.push({ name: tag.name, attrs, text: "", fields: {}, children: [] });
    });
    const onText = (t: string) => {
      const top = stack[stack.length - 1];
      if (top) top.text += t;
    };
    parser.on("text", onText);
    parser.on("cdata", onText);
    parser.on("closetag", () => {
      const frame = stack.pop()!;
      const parent = stack[stack.length - 1];
      if (!parent) return;
      if (RECORD.has(frame.name)) {
        if (frame.name === "wp:comment" || frame.name === "wp:postmeta") parent.children.push(frame);
        else emit(frame);
        return;
      }
      if (frame.name === "category" && parent.name === "item") {
        parent.children.push(frame);
        return;
      }
      // A simple field: keep its text on the record it belongs to.
      if (parent.name === "channel") channelFields[frame.name] ??= frame.text;
      else parent.fields[frame.name] = frame.text;
      if (parent.name === "channel" && frame.name === "wp:base_site_url" && !channel) {
        channel = { title: channelFields.title ?? "", link: channelFields.link ?? "", baseUrl: frame.text.trim() };
        handlers.channel?.(channel);
      }
    });
    parser.on("error", (err) => {
      const line = /Line: (\d+)/.exec(err.message)?.[1];
      fail(`Filen går inte att läsa som XML${line ? ` (rad ${Number(line) + 1})` : ""}: ${err.message.split("\n")[0]}`);
    });
    parser.on("end", () => {
      if (failed) return;
      if (!sawRss) return fail("Filen är tom eller inte en WordPress-export (WXR).");
      if (!channelFields["wp:wxr_version"]) return fail("Filen är ett RSS-flöde men inte en WordPress-export (WXR): wp:wxr_version saknas.");
      resolve();
    });
    input.on("error", (err) => fail(`Filen gick inte att läsa: ${err.message}`));

    function emit(frame: Frame) {
      const f = frame.fields;
      try {
        if (frame.name === "wp:author") {
          handlers.author?.({ login: f["wp:author_login"] ?? "", email: f["wp:author_email"] ?? "", displayName: (f["wp:author_display_name"] ?? f["wp:author_login"] ?? "").trim() });
        } else if (frame.name === "wp:category") {
          handlers.term?.({ kind: "category", slug: (f["wp:category_nicename"] ?? "").trim(), name: (f["wp:cat_name"] ?? "").trim(), parent: f["wp:category_parent"]?.trim() || null });
        } else if (frame.name === "wp:tag") {
          handlers.term?.({ kind: "tag", slug: (f["wp:tag_slug"] ?? "").trim(), name: (f["wp:tag_name"] ?? "").trim(), parent: null });
        } else if (frame.name === "item") {
          const type = (f["wp:post_type"] ?? "").trim();
          if (type !== "post" && type !== "page" && type !== "attachment") return handlers.skipped?.(type || "okänd");
          handlers.item?.(toItem(type, frame));
        }
      } catch (err) {
        fail((err as Error).message);
      }
    }

    input.pipe(parser);
  });
}

function toItem(type: WxrPostType, frame: Frame): WxrItem {
  const f = frame.fields;
  const meta: Record<string, string> = {};
  const comments: WxrComment[] = [];
  const terms: WxrItem["terms"] = [];
  for (const child of frame.children) {
    const c = child.fields;
    if (child.name === "wp:postmeta") meta[(c["wp:meta_key"] ?? "").trim()] = c["wp:meta_value"] ?? "";
    else if (child.name === "wp:comment") {
      const type = (c["wp:comment_type"] ?? "").trim();
      if (type === "pingback" || type === "trackback") continue;
      comments.push({
        id: (c["wp:comment_id"] ?? "").trim(),
        author: (c["wp:comment_author"] ?? "").trim(),
        authorEmail: (c["wp:comment_author_email"] ?? "").trim(),
        date: gmtDate(c["wp:comment_date_gmt"] ?? "") ?? localDate(c["wp:comment_date"] ?? ""),
        content: c["wp:comment_content"] ?? "",
        state: commentState(c["wp:comment_approved"] ?? ""),
        parent: c["wp:comment_parent"]?.trim() && c["wp:comment_parent"].trim() !== "0" ? c["wp:comment_parent"].trim() : null,
      });
    } else if (child.name === "category") {
      const domain = child.attrs.domain;
      if (domain === "category" || domain === "post_tag") terms.push({ kind: domain === "category" ? "category" : "tag", slug: (child.attrs.nicename ?? "").trim(), name: child.text.trim() });
    }
  }
  const id = (f["wp:post_id"] ?? "").trim();
  return {
    type,
    id,
    guid: (f.guid ?? "").trim() || `post:${id}`,
    link: (f.link ?? "").trim(),
    title: (f.title ?? "").trim(),
    slug: decodeURIComponentSafe((f["wp:post_name"] ?? "").trim()),
    creator: (f["dc:creator"] ?? "").trim(),
    content: f["content:encoded"] ?? "",
    excerpt: (f["excerpt:encoded"] ?? "").trim(),
    status: (f["wp:status"] ?? "").trim(),
    date: gmtDate(f["wp:post_date_gmt"] ?? "") ?? localDate(f["wp:post_date"] ?? ""),
    modified: gmtDate(f["wp:post_modified_gmt"] ?? "") ?? localDate(f["wp:post_modified"] ?? ""),
    parent: f["wp:post_parent"]?.trim() && f["wp:post_parent"].trim() !== "0" ? f["wp:post_parent"].trim() : null,
    attachmentUrl: f["wp:attachment_url"]?.trim() || null,
    terms,
    meta,
    comments,
  };
}

function commentState(value: string): WxrCommentState {
  const v = value.trim();
  return v === "1" ? "approved" : v === "spam" ? "spam" : v === "trash" || v === "post-trashed" ? "trash" : "pending";
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export type WxrExport = { channel: WxrChannel | null; authors: WxrAuthor[]; terms: WxrTerm[]; items: WxrItem[]; skipped: Record<string, number> };

/** The whole export as lists (posts' content stays as strings; nothing is converted here). */
export async function readWxr(input: Readable): Promise<WxrExport> {
  const out: WxrExport = { channel: null, authors: [], terms: [], items: [], skipped: {} };
  await streamWxr(input, {
    channel: (c) => (out.channel = c),
    author: (a) => out.authors.push(a),
    term: (t) => out.terms.push(t),
    item: (i) => out.items.push(i),
    skipped: (type) => (out.skipped[type] = (out.skipped[type] ?? 0) + 1),
  });
  return out;
}
