import { markdownToDoc } from "@/lib/rich-text/markdown";
import { richTextDocSchema, UNSAFE_LINK, type BlockNode, type InlineNode, type RichTextDoc, type TableNode, type TableRowNode } from "@/lib/rich-text/schema";

// A network's body is edited as plain text in the newsroom: paragraphs separated by a blank
// line, with the same light Markdown the content folder uses (## heading, - list, **bold**,
// [link](address), > quote). Stored bodies are shown back in that form, so a save without
// changes keeps the document as it was.

class ImageInBody extends Error {}

export function bodyTextToDoc(text: string): { ok: true; doc: RichTextDoc } | { ok: false; message: string } {
  let doc: RichTextDoc;
  try {
    doc = markdownToDoc(text.replace(/\r\n?/g, "\n"), {
      resolveImage: () => {
        throw new ImageInBody();
      },
    });
  } catch (err) {
    if (err instanceof ImageInBody) return { ok: false, message: "Bilder kan inte läggas in i texten här. Ta bort raden med bilden." };
    throw err;
  }
  const parsed = richTextDocSchema.safeParse(doc);
  if (parsed.success) return { ok: true, doc: parsed.data };
  if (parsed.error.issues.some((i) => i.message === UNSAFE_LINK)) return { ok: false, message: UNSAFE_LINK };
  return { ok: false, message: "Texten kunde inte tolkas. Kontrollera rubriker, listor och länkar." };
}

export function docToBodyText(doc: RichTextDoc): string {
  return blocks(doc.content ?? []).join("\n\n");
}

function blocks(nodes: BlockNode[]): string[] {
  return nodes.map(block);
}

function block(node: BlockNode): string {
  switch (node.type) {
    case "paragraph":
      return escapeLineStart(inline(node.content ?? []));
    case "heading":
      return `${"#".repeat(node.attrs.level)} ${inline(node.content ?? [])}`;
    case "bulletList":
      return node.content.map((item) => listItem("- ", blocks(item.content).join("\n\n"))).join("\n");
    case "orderedList": {
      const start = node.attrs?.start ?? 1;
      return node.content.map((item, i) => listItem(`${start + i}. `, blocks(item.content).join("\n\n"))).join("\n");
    }
    case "blockquote":
      return quote(blocks(node.content).join("\n\n"));
    case "factBox":
      return quote(`[!FAKTA] ${node.attrs.title}\n${blocks(node.content).join("\n\n")}`);
    case "image":
      return `![${node.attrs.alt}](${node.attrs.src})`;
    case "questionAnswer":
      return [`**${inline(node.content[0].content)}**`, ...blocks(node.content[1].content)].join("\n\n");
    case "table":
      return table(node);
  }
}

// A GFM table; its first row is the header row, as markdownToDoc reads it back. Bodies written
// here never have a caption, since Markdown has none.
function table(node: TableNode): string {
  const line = (row: TableRowNode) => `| ${row.content.map((c) => c.content.map((p) => inline(p.content ?? [])).join(" ").replace(/\|/g, "\\|")).join(" | ")} |`;
  const [head, ...rows] = node.content;
  if (!head) return "";
  return [line(head), `| ${head.content.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

function listItem(marker: string, text: string): string {
  const pad = " ".repeat(marker.length);
  return marker + text.split("\n").map((line, i) => (i === 0 || line === "" ? line : pad + line)).join("\n");
}

function quote(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
}

function inline(nodes: InlineNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === "hardBreak") return "\\\n";
      let text = escapeInline(n.text);
      for (const mark of n.marks ?? []) {
        if (mark.type === "bold") text = `**${text}**`;
        else if (mark.type === "italic") text = `*${text}*`;
        else text = `[${text}](${mark.attrs.href.replace(/[()\s]/g, encodeURIComponent)})`;
      }
      return text;
    })
    .join("");
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<]/g, (c) => `\\${c}`);
}

// A paragraph that starts like a heading, list or quote would turn into one.
function escapeLineStart(text: string): string {
  return text.replace(/^(\d+)([.)] )/, "$1\\$2").replace(/^(#|>|[-+] )/, "\\$1");
}
