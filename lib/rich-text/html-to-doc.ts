import { decodeEntities, parseHtml, type HtmlElement, type HtmlNode } from "./html-parse";
import { safeHref } from "./links";
import type { BlockNode, InlineNode, ListItemNode, Mark, ParagraphNode, RichTextDoc, TableCellNode, TableRowNode } from "./schema";

// Reads the HTML that cleanPastedHtml writes (p, h2–h4, lists, blockquote, tables, strong, em,
// a, br and nothing else) into our document, for code that has no editor to parse it: the
// WordPress import. Anything outside that set is read for its text only.

const isElement = (n: HtmlNode): n is HtmlElement => typeof n !== "string";

function inline(nodes: HtmlNode[], marks: Mark[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const n of nodes) {
    if (!isElement(n)) {
      const text = decodeEntities(n).replace(/\s+/g, " ");
      if (!text) continue;
      const last = out[out.length - 1];
      if (last?.type === "text" && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += text;
      else out.push(marks.length ? { type: "text", text, marks: [...marks] } : { type: "text", text });
      continue;
    }
    if (n.tag === "br") out.push({ type: "hardBreak" });
    else if (n.tag === "strong") out.push(...inline(n.children, [...marks, { type: "bold" }]));
    else if (n.tag === "em") out.push(...inline(n.children, [...marks, { type: "italic" }]));
    else if (n.tag === "a" && safeHref(n.attrs.href)) out.push(...inline(n.children, [...marks, { type: "link", attrs: { href: safeHref(n.attrs.href)! } }]));
    else out.push(...inline(n.children, marks));
  }
  return out;
}

function trimmed(content: InlineNode[]): InlineNode[] {
  const c = [...content];
  const first = c[0];
  if (first?.type === "text") first.text = first.text.replace(/^\s+/, "");
  const last = c[c.length - 1];
  if (last?.type === "text") last.text = last.text.replace(/\s+$/, "");
  return c.filter((n) => n.type !== "text" || n.text !== "");
}

const paragraph = (children: HtmlNode[]): ParagraphNode => {
  const content = trimmed(inline(children, []));
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
};

function blocks(nodes: HtmlNode[]): BlockNode[] {
  const out: BlockNode[] = [];
  for (const n of nodes) {
    if (!isElement(n)) continue;
    const heading = /^h([2-4])$/.exec(n.tag);
    if (n.tag === "p") out.push(paragraph(n.children));
    else if (heading) {
      const content = trimmed(inline(n.children, []));
      out.push({ type: "heading", attrs: { level: Number(heading[1]) as 2 | 3 | 4 }, ...(content.length ? { content } : {}) });
    } else if (n.tag === "ul" || n.tag === "ol") {
      const items: ListItemNode[] = n.children.filter(isElement).map((li) => {
        const content = blocks(li.children);
        return { type: "listItem", content: content.length ? content : [{ type: "paragraph" }] };
      });
      if (!items.length) continue;
      const start = Number(n.attrs.start);
      if (n.tag === "ul") out.push({ type: "bulletList", content: items });
      else out.push({ type: "orderedList", ...(Number.isInteger(start) && start > 1 ? { attrs: { start } } : {}), content: items });
    } else if (n.tag === "blockquote") {
      const content = blocks(n.children);
      if (content.length) out.push({ type: "blockquote", content });
    } else if (n.tag === "table") out.push(...table(n));
  }
  return out;
}

function table(el: HtmlElement): BlockNode[] {
  const caption = el.children.filter(isElement).find((c) => c.tag === "caption");
  const body = el.children.filter(isElement).find((c) => c.tag === "tbody") ?? el;
  const rows: TableRowNode[] = body.children.filter(isElement).filter((r) => r.tag === "tr").map((r) => ({
    type: "tableRow",
    content: r.children.filter(isElement).map((c): TableCellNode => {
      const colspan = Number(c.attrs.colspan) || 1;
      const rowspan = Number(c.attrs.rowspan) || 1;
      const attrs = { ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}) };
      const content = blocks(c.children).filter((b): b is ParagraphNode => b.type === "paragraph");
      return { type: c.tag === "th" ? "tableHeader" : "tableCell", ...(Object.keys(attrs).length ? { attrs } : {}), content: content.length ? content : [{ type: "paragraph" }] };
    }),
  }));
  const kept = rows.filter((r) => r.content.length);
  if (!kept.length) return [];
  const text = caption ? decodeEntities(caption.children.filter((c): c is string => typeof c === "string").join("")).trim() : "";
  return [{ type: "table", ...(text ? { attrs: { caption: text } } : {}), content: kept }];
}

/** The cleaner's HTML as a document. */
export function cleanHtmlToDoc(html: string): RichTextDoc {
  return { type: "doc", content: blocks(parseHtml(html)) };
}
