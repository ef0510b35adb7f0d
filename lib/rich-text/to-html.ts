import { escapeAttr } from "./html-parse";
import type { BlockNode, InlineNode, RichTextDoc } from "./schema";

// Our document as plain HTML, for exports (WXR): the tags the paste allowlist reads back the same
// way, so an export imported again gives the same document. Fact boxes and questions have no
// HTML of their own: they become a titled blockquote and a bold question, and stay readable.

function inline(nodes: InlineNode[] = []): string {
  return nodes
    .map((n) => {
      if (n.type === "hardBreak") return "<br>";
      let html = escapeAttr(n.text);
      for (const mark of n.marks ?? []) {
        if (mark.type === "bold") html = `<strong>${html}</strong>`;
        else if (mark.type === "italic") html = `<em>${html}</em>`;
        else html = `<a href="${escapeAttr(mark.attrs.href)}">${html}</a>`;
      }
      return html;
    })
    .join("");
}

/** `imageSrc` and `imageId` give a library image (`/media/…`) its address and attachment id in the export; `imageSrc` turns a library image's `/media/…` address into the export's. */
export function docToHtml(doc: RichTextDoc, imageSrc: (src: string) => string = (s) => s, imageId: (src: string) => number | null = () => null): string {
  const block = (node: BlockNode): string => {
    switch (node.type) {
      case "paragraph":
        return `<p>${inline(node.content)}</p>`;
      case "heading":
        return `<h${node.attrs.level}>${inline(node.content)}</h${node.attrs.level}>`;
      case "bulletList":
      case "orderedList": {
        const tag = node.type === "bulletList" ? "ul" : "ol";
        return `<${tag}>${node.content.map((li) => `<li>${li.content.map(block).join("")}</li>`).join("")}</${tag}>`;
      }
      case "blockquote":
        return `<blockquote>${node.content.map(block).join("")}</blockquote>`;
      case "image": {
        const id = imageId(node.attrs.src);
        const caption = node.attrs.caption ? `<figcaption>${escapeAttr(node.attrs.caption)}</figcaption>` : "";
        return `<figure><img src="${escapeAttr(imageSrc(node.attrs.src))}" alt="${escapeAttr(node.attrs.alt)}" width="${node.attrs.width}" height="${node.attrs.height}"${id ? ` class="wp-image-${id}"` : ""}>${caption}</figure>`;
      }
      case "factBox":
        return `<blockquote><p><strong>${escapeAttr(node.attrs.title)}</strong></p>${node.content.map(block).join("")}</blockquote>`;
      case "questionAnswer":
        return `<p><strong>${inline(node.content[0].content)}</strong></p>${node.content[1].content.map(block).join("")}`;
      case "table":
        return `<table>${node.content
          .map((row) => `<tr>${row.content.map((cell) => {
            const tag = cell.type === "tableHeader" ? "th" : "td";
            const span = `${cell.attrs?.colspan ? ` colspan="${cell.attrs.colspan}"` : ""}${cell.attrs?.rowspan ? ` rowspan="${cell.attrs.rowspan}"` : ""}`;
            return `<${tag}${span}>${cell.content.map(block).join("")}</${tag}>`;
          }).join("")}</tr>`)
          .join("")}</table>`;
    }
  };
  return (doc.content ?? []).map(block).join("\n");
}
