import { decodeEntities } from "@/lib/rich-text/html-parse";
import type { BlockNode, ImageAttrs, InlineNode, RichTextDoc } from "@/lib/rich-text/schema";

// Images in a WordPress post's HTML that point at one of its uploads become image blocks of our
// document, pointing at the media library's copy. The paste allowlist drops every <img> (a
// pasted image is not in the library), so each image that can be placed is swapped for a
// marker text first, and the marker turned into an image block once the text is a document.

/** What a post's image turned out to be in the library, or null (it is dropped and counted). */
export type ImageResolver = (img: { src: string; attachmentId: string | null; alt: string }) => Omit<ImageAttrs, "caption"> | null;

const MARKER = /⟦wp-bild:(\d+)⟧/g;
const HAS_MARKER = /⟦wp-bild:\d+⟧/;
const marker = (n: number) => `⟦wp-bild:${n}⟧`;

function attr(tag: string, name: string): string {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return decodeEntities(m ? (m[1] ?? m[2] ?? m[3] ?? "") : "");
}

const plain = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();

/** The HTML with each placeable image (with its link and figure) as a marker, and the images. */
export function markImages(html: string, resolve: ImageResolver): { html: string; images: ImageAttrs[] } {
  const images: ImageAttrs[] = [];
  const place = (img: string, caption: string): string | null => {
    const id = /\bwp-image-(\d+)\b/.exec(attr(img, "class"))?.[1] ?? null;
    const found = resolve({ src: attr(img, "src"), attachmentId: id, alt: attr(img, "alt").trim() });
    if (!found) return null;
    images.push(caption ? { ...found, caption } : found);
    return marker(images.length - 1);
  };
  const figures = html.replace(/<figure\b[^>]*>([\s\S]*?)<\/figure>/gi, (whole, inner: string) => {
    const img = /<img\b[^>]*>/i.exec(inner)?.[0];
    const caption = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1];
    return (img && place(img, caption ? plain(caption) : "")) ?? whole;
  });
  // Classic posts: the [caption] shortcode around an image and its text, then any other image,
  // alone or inside the link to its full size.
  const captions = figures.replace(/\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_whole, inner: string) => {
    const img = /<img\b[^>]*>/i.exec(inner)?.[0];
    const text = plain(inner.replace(/<a\b[^>]*>[\s\S]*?<\/a>|<img\b[^>]*>/gi, ""));
    return (img && place(img, text)) ?? inner;
  });
  const classic = captions.replace(/(?:<a\b[^>]*>\s*)?(<img\b[^>]*>)(?:\s*<\/a>)?/gi, (whole, img: string) => place(img, "") ?? whole);
  return { html: classic, images };
}

type Counter = { dropped: number };

function splitInline(content: InlineNode[], images: ImageAttrs[]): (InlineNode[] | ImageAttrs)[] {
  const out: (InlineNode[] | ImageAttrs)[] = [[]];
  const current = () => out[out.length - 1] as InlineNode[];
  for (const node of content) {
    if (node.type !== "text" || !HAS_MARKER.test(node.text)) {
      current().push(node);
      continue;
    }
    node.text.split(/(⟦wp-bild:\d+⟧)/).forEach((part) => {
      const n = /^⟦wp-bild:(\d+)⟧$/.exec(part)?.[1];
      if (n !== undefined && images[Number(n)]) out.push(images[Number(n)]!, []);
      else if (part) current().push({ ...node, text: part });
    });
  }
  return out;
}

const isBlank = (inline: InlineNode[]) => inline.every((n) => n.type === "hardBreak" || n.text.trim() === "");
/** A line break next to an image that now stands apart is no longer a break in anything. */
function trimBreaks(inline: InlineNode[]): InlineNode[] {
  let start = 0;
  let end = inline.length;
  while (start < end && inline[start]!.type === "hardBreak") start++;
  while (end > start && inline[end - 1]!.type === "hardBreak") end--;
  return inline.slice(start, end);
}

function stripMarkers(node: BlockNode, count: Counter): BlockNode {
  const walk = (n: unknown): unknown => {
    const x = n as { text?: string; content?: unknown[] };
    if (typeof x.text === "string") {
      const text = x.text.replace(MARKER, () => (count.dropped++, ""));
      return text ? { ...x, text } : null;
    }
    return x.content ? { ...x, content: x.content.map(walk).filter(Boolean) } : x;
  };
  return walk(node) as BlockNode;
}

function placeBlocks(blocks: BlockNode[], images: ImageAttrs[], count: Counter): BlockNode[] {
  return blocks.flatMap((block): BlockNode[] => {
    switch (block.type) {
      case "paragraph": {
        if (!block.content?.some((n) => n.type === "text" && HAS_MARKER.test(n.text))) return [block];
        return splitInline(block.content, images).flatMap((part): BlockNode[] =>
          Array.isArray(part) ? (isBlank(part) ? [] : [{ type: "paragraph", content: trimBreaks(part) }]) : [{ type: "image", attrs: part }],
        );
      }
      case "blockquote":
      case "factBox":
        return [{ ...block, content: placeBlocks(block.content, images, count) }];
      case "bulletList":
      case "orderedList":
        return [{ ...block, content: block.content.map((item) => ({ ...item, content: placeBlocks(item.content, images, count) })) }];
      default:
        return [stripMarkers(block, count)]; // headings, tables: no room for an image
    }
  });
}

/** The document with its markers as image blocks; `dropped` counts markers that had no room. */
export function placeImages(doc: RichTextDoc, images: ImageAttrs[]): { doc: RichTextDoc; dropped: number } {
  const count = { dropped: 0 };
  if (images.length === 0) return { doc, dropped: 0 };
  return { doc: { ...doc, content: placeBlocks((doc.content ?? []) as BlockNode[], images, count) } as RichTextDoc, dropped: count.dropped };
}
