import { safeHref } from "./links";
import { markdownToDoc } from "./markdown";
import { TABLE_LIMITS, type BlockNode, type InlineNode, type RichTextDoc } from "./schema";
import { CONDITIONAL, decodeEntities, escapeAttr, escapeText, parseHtml, type HtmlElement, type HtmlNode } from "./html-parse";

// What pasting from Word, Google Docs and web pages keeps: headings (h1 becomes h2, since the
// page's title is its h1; h5 and h6 become h4), paragraphs, lists, quotes, links the site may
// show, bold, italic and tables. Everything else goes (styles, classes, Word's list markers and
// comments, images, embeds), and what a reader would miss is counted, so the editor can say so.

export type PasteReport = { images: number; embeds: number; unsafeLinks: number; comments: number; tableRows: number; tableColumns: number };

const emptyReport = (): PasteReport => ({ images: 0, embeds: 0, unsafeLinks: 0, comments: 0, tableRows: 0, tableColumns: 0 });

const WORDS: [keyof PasteReport, string, string][] = [
  ["images", "bild", "bilder"],
  ["embeds", "inbäddning", "inbäddningar"],
  ["unsafeLinks", "länk som inte går att visa", "länkar som inte går att visa"],
  ["comments", "kommentar", "kommentarer"],
  ["tableRows", "tabellrad", "tabellrader"],
  ["tableColumns", "tabellkolumn", "tabellkolumner"],
];

/** "Inklistrat. Borttaget: 2 bilder, 1 inbäddning." or null when nothing was dropped. */
export function pasteMessage(report: PasteReport): string | null {
  const parts = WORDS.filter(([k]) => report[k] > 0).map(([k, one, many]) => `${report[k]} ${report[k] === 1 ? one : many}`);
  return parts.length ? `Inklistrat. Borttaget: ${parts.join(", ")}.` : null;
}

/** HTML the editor copied itself (ProseMirror marks it): already in our schema. */
export function isEditorHtml(html: string): boolean {
  return /data-pm-slice=/.test(html);
}

/** Clipboard HTML with structure worth keeping; without it, plain text may be Markdown. */
export function htmlHasStructure(html: string): boolean {
  return /<(h[1-6]|ul|ol|table|strong|b|em|i|a)[\s>]/i.test(html);
}

const DROP_SILENTLY = new Set(["head", "style", "script", "title", "meta", "link", "xml", "template", "noscript", "hr", "input", "select", "textarea", "button", "colgroup", "col", "o:p"]);
const IMAGES = new Set(["img", "picture", "svg"]);
const EMBEDS = new Set(["iframe", "embed", "object", "video", "audio", "canvas"]);
const BLOCKS = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "blockquote", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption", "dl", "dt", "dd", "center", "pre", "address", "body", "html", "form", "fieldset", "details", "summary", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"]);

type Ctx = { report: PasteReport; bold: boolean; italic: boolean; inCell: boolean; inHeading: boolean };

export function cleanPastedHtml(html: string): { html: string; report: PasteReport } {
  const report = emptyReport();
  const ctx: Ctx = { report, bold: false, italic: false, inCell: false, inHeading: false };
  return { html: blocks(parseHtml(html), ctx), report };
}

const isElement = (n: HtmlNode): n is HtmlElement => typeof n !== "string";
const style = (el: HtmlElement) => (el.attrs.style ?? "").toLowerCase().replace(/\s+/g, "");
const wordListLevel = (el: HtmlElement): number | null => {
  const level = /mso-list:l\d+level(\d+)/.exec(style(el));
  if (level) return Number(level[1]);
  return /MsoListParagraph/i.test(el.attrs.class ?? "") ? 1 : null;
};
const isListMarker = (el: HtmlElement) => (el.tag === CONDITIONAL && /supportLists/i.test(el.attrs.condition ?? "")) || style(el).includes("mso-list:ignore");

/** An element that is dropped with its content: counted when a reader would miss it. */
function dropped(el: HtmlElement, ctx: Ctx): boolean {
  if (IMAGES.has(el.tag) || EMBEDS.has(el.tag)) {
    ctx.report[IMAGES.has(el.tag) ? "images" : "embeds"]++;
    return true;
  }
  if (style(el).includes("mso-element:comment-list")) {
    ctx.report.comments += countWhere(el, (e) => /mso-element:comment(;|$)/.test(style(e)));
    return true;
  }
  if (el.tag === CONDITIONAL) return /supportLists|supportAnnotations/i.test(el.attrs.condition ?? "");
  return DROP_SILENTLY.has(el.tag) || el.tag.startsWith("v:") || /MsoCommentReference|msocomanchor/i.test(el.attrs.class ?? "") || style(el).includes("mso-list:ignore");
}

function countWhere(el: HtmlElement, test: (e: HtmlElement) => boolean): number {
  return el.children.filter(isElement).reduce((n, c) => n + (test(c) ? 1 : 0) + countWhere(c, test), 0);
}

function hasBlock(nodes: HtmlNode[]): boolean {
  return nodes.some((n) => isElement(n) && (BLOCKS.has(n.tag) || hasBlock(n.children)));
}

/** Content where blocks belong: runs of inline content become paragraphs. */
function blocks(nodes: HtmlNode[], ctx: Ctx): string {
  let out = "";
  let run: HtmlNode[] = [];
  const flush = () => {
    const text = inline(run, ctx);
    if (decodeEntities(text.replace(/<br>/g, "")).replace(/<[^>]*>/g, "").trim() !== "") out += `<p>${text}</p>`;
    run = [];
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!isElement(node) || (!BLOCKS.has(node.tag) && !hasBlock(node.children) && wordListLevel(node) === null)) {
      run.push(node);
      continue;
    }
    flush();
    if (wordListLevel(node) !== null && !ctx.inCell) {
      const items: HtmlElement[] = [];
      while (i < nodes.length) {
        const n = nodes[i]!;
        if (isElement(n) && wordListLevel(n) !== null) items.push(n);
        else if (isElement(n) || n.trim() !== "") break;
        i++;
      }
      i--;
      out += wordList(items, ctx);
    } else out += block(node, ctx);
  }
  flush();
  return out;
}

function block(el: HtmlElement, ctx: Ctx): string {
  if (dropped(el, ctx)) return "";
  const within = { ...ctx, ...formatting(el, ctx) };
  const heading = /^h([1-6])$/.exec(el.tag);
  if (heading && !ctx.inCell) {
    const level = Math.min(4, Math.max(2, Number(heading[1])));
    const text = inline(el.children, { ...within, inHeading: true });
    return text.trim() ? `<h${level}>${text}</h${level}>` : "";
  }
  if ((el.tag === "ul" || el.tag === "ol") && !ctx.inCell) {
    const items = el.children.map((c) => (isElement(c) && c.tag === "li" ? blocks(c.children, within) : blocks([c], within))).filter(Boolean);
    const start = Number(el.attrs.start);
    const attrs = el.tag === "ol" && Number.isInteger(start) && start > 1 ? ` start="${start}"` : "";
    return items.length ? `<${el.tag}${attrs}>${items.map((i) => `<li>${i}</li>`).join("")}</${el.tag}>` : "";
  }
  if (el.tag === "blockquote" && !ctx.inCell) {
    const inner = blocks(el.children, within);
    return inner ? `<blockquote>${inner}</blockquote>` : "";
  }
  if (el.tag === "table" && !ctx.inCell) return table(el, within);
  return blocks(el.children, within);
}

/** Word writes lists as paragraphs with a level in their style and a typed marker. */
function wordList(items: HtmlElement[], ctx: Ctx): string {
  let pos = 0;
  const level = (el: HtmlElement) => wordListLevel(el) ?? 1;
  const list = (depth: number): string => {
    const marker = markerText(items[pos]!);
    const tag = /^[(]?[0-9a-zA-Z]{1,4}[.)]/.test(marker) ? "ol" : "ul";
    let out = "";
    while (pos < items.length && level(items[pos]!) >= depth) {
      if (level(items[pos]!) > depth) {
        out = (out ? out.replace(/<\/li>$/, "") : "<li>") + list(depth + 1) + "</li>";
        continue;
      }
      out += `<li><p>${inline(items[pos]!.children, ctx)}</p></li>`;
      pos++;
    }
    return `<${tag}>${out}</${tag}>`;
  };
  let out = "";
  while (pos < items.length) out += list(level(items[pos]!));
  return out;
}

function markerText(el: HtmlElement): string {
  const find = (nodes: HtmlNode[]): string | null => {
    for (const n of nodes) if (isElement(n)) {
      if (isListMarker(n)) return decodeEntities(textOf(n)).trim();
      const inner = find(n.children);
      if (inner !== null) return inner;
    }
    return null;
  };
  return find(el.children) ?? "";
}

const textOf = (n: HtmlNode): string => (isElement(n) ? n.children.map(textOf).join("") : n);

function table(el: HtmlElement, ctx: Ctx): string {
  const rows: { cells: HtmlElement[]; head: boolean }[] = [];
  let caption = "";
  const collect = (nodes: HtmlNode[], head: boolean) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.tag === "caption") caption = decodeEntities(textOf(n)).replace(/\s+/g, " ").trim();
      else if (n.tag === "tr") rows.push({ cells: n.children.filter(isElement).filter((c) => c.tag === "td" || c.tag === "th"), head });
      else if (!dropped(n, ctx)) collect(n.children, head || n.tag === "thead");
    }
  };
  collect(el.children, false);
  const kept = rows.filter((r) => r.cells.length > 0);
  if (!kept.length) return "";
  ctx.report.tableRows += Math.max(0, kept.length - TABLE_LIMITS.rows);
  const cellCtx = { ...ctx, inCell: true };
  const body = kept.slice(0, TABLE_LIMITS.rows).map(({ cells, head }) => {
    let width = 0;
    const out: string[] = [];
    for (const cell of cells) {
      const span = Math.min(TABLE_LIMITS.columns, Math.max(1, Number(cell.attrs.colspan) || 1));
      if (width + span > TABLE_LIMITS.columns) {
        ctx.report.tableColumns = Math.max(ctx.report.tableColumns, cells.length - out.length);
        break;
      }
      width += span;
      const rowspan = Math.min(TABLE_LIMITS.rows, Math.max(1, Number(cell.attrs.rowspan) || 1));
      const tag = head || cell.tag === "th" ? "th" : "td";
      const attrs = (span > 1 ? ` colspan="${span}"` : "") + (rowspan > 1 ? ` rowspan="${rowspan}"` : "");
      out.push(`<${tag}${attrs}>${blocks(cell.children, cellCtx) || "<p></p>"}</${tag}>`);
    }
    return `<tr>${out.join("")}</tr>`;
  });
  return `<table>${caption ? `<caption>${escapeText(caption)}</caption>` : ""}<tbody>${body.join("")}</tbody></table>`;
}

/** Bold and italic as the element sets them: tags, or Google Docs' inline styles. */
function formatting(el: HtmlElement, ctx: Ctx): { bold: boolean; italic: boolean } {
  const s = style(el);
  let bold = ctx.bold;
  let italic = ctx.italic;
  if (el.tag === "b" || el.tag === "strong") bold = true;
  if (el.tag === "i" || el.tag === "em") italic = true;
  const weight = /(?:^|;)font-weight:([a-z0-9]+)/.exec(s)?.[1];
  if (weight) bold = weight === "bold" || weight === "bolder" || Number(weight) >= 600;
  const fontStyle = /(?:^|;)font-style:([a-z]+)/.exec(s)?.[1];
  if (fontStyle) italic = fontStyle === "italic" || fontStyle === "oblique";
  // Google Docs wraps the whole copy in <b id="docs-internal-guid-…">: it is not bold.
  if ((el.attrs.id ?? "").startsWith("docs-internal-guid")) bold = ctx.bold;
  return { bold, italic };
}

function inline(nodes: HtmlNode[], ctx: Ctx): string {
  let out = "";
  for (const node of nodes) {
    if (!isElement(node)) {
      const text = escapeText(node);
      if (text === "") continue;
      const bold = ctx.bold && !ctx.inHeading;
      out += bold && ctx.italic ? `<strong><em>${text}</em></strong>` : bold ? `<strong>${text}</strong>` : ctx.italic ? `<em>${text}</em>` : text;
      continue;
    }
    if (dropped(node, ctx)) continue;
    if (node.tag === "br") {
      out += "<br>";
      continue;
    }
    const within = { ...ctx, ...formatting(node, ctx) };
    if (BLOCKS.has(node.tag)) {
      // A block inside inline content (a heading in a table cell, a list in a Word list item).
      out += ` ${inline(node.children, within)} `;
      continue;
    }
    const content = inline(node.children, within);
    if (node.tag === "a" && node.attrs.href !== undefined && !node.attrs.href.startsWith("#")) {
      const href = safeHref(node.attrs.href);
      if (href) out += `<a href="${escapeAttr(href)}">${content}</a>`;
      else {
        ctx.report.unsafeLinks++;
        out += content;
      }
    } else out += content;
  }
  return out;
}

// Plain text that looks like Markdown: a heading, a table, a list of two or more items, or
// bold text or a link written the Markdown way.
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r?\n/);
  if (lines.some((l) => /^#{1,6}\s+\S/.test(l))) return true;
  if (lines.some((l) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(l))) return true;
  if (lines.filter((l) => /^\s*(?:[-*+]|\d{1,3}[.)])\s+\S/.test(l)).length >= 2) return true;
  return /\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\s]+\)/.test(text);
}

/** Pasted Markdown as document nodes; images (not from the library) and unsafe links go. */
export function markdownForPaste(text: string): { doc: RichTextDoc; report: PasteReport } {
  const report = emptyReport();
  const withoutImages = text.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, () => {
    report.images++;
    return "";
  });
  const doc = markdownToDoc(withoutImages.replace(/\r\n?/g, "\n"));
  return { doc: { type: "doc", content: doc.content.map((b) => safeLinks(b, report)) }, report };
}

type Any = { type: string; content?: Any[]; marks?: { type: string; attrs?: { href?: string } }[] };

function safeLinks<T extends BlockNode | InlineNode>(node: T, report: PasteReport): T {
  const n = node as unknown as Any;
  const marks = n.marks?.flatMap((m) => {
    if (m.type !== "link") return [m];
    const href = safeHref(m.attrs?.href);
    if (href) return [{ type: "link", attrs: { href } }];
    report.unsafeLinks++;
    return [];
  });
  const out: Any = { ...n };
  if (marks) {
    if (marks.length) out.marks = marks;
    else delete out.marks;
  }
  if (n.content) out.content = n.content.map((c) => safeLinks(c as unknown as BlockNode, report) as unknown as Any);
  return out as unknown as T;
}
