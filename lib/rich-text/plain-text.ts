import type { BlockNode, InlineNode, RichTextDoc } from "./schema";

/** The document's words without markup: for descriptions, search and reading time. */
export function docToPlainText(doc: RichTextDoc): string {
  return doc.content.map(blockText).filter(Boolean).join("\n\n");
}

function blockText(node: BlockNode): string {
  switch (node.type) {
    case "paragraph":
    case "heading":
      return inlineText(node.content ?? []);
    case "bulletList":
    case "orderedList":
      return node.content.map((li) => li.content.map(blockText).join(" ")).join("\n");
    case "blockquote":
    case "factBox":
      return node.content.map(blockText).join("\n");
    case "questionAnswer":
      return [inlineText(node.content[0].content), ...node.content[1].content.map(blockText)].join("\n");
    case "image":
      return node.attrs.caption ?? "";
    case "table":
      return [node.attrs?.caption ?? "", ...node.content.map((row) => row.content.map((cell) => cell.content.map(blockText).join(" ")).join(" "))]
        .filter(Boolean)
        .join("\n");
  }
}

function inlineText(nodes: InlineNode[]): string {
  return nodes.map((n) => (n.type === "text" ? n.text : " ")).join("");
}
