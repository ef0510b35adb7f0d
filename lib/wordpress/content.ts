import { cleanHtmlToDoc } from "@/lib/rich-text/html-to-doc";
import { cleanPastedHtml, type PasteReport } from "@/lib/rich-text/paste";
import { richTextDocSchema, type RichTextDoc } from "@/lib/rich-text/schema";
import { markImages, placeImages, type ImageResolver } from "./images";

// A WordPress post's content (classic editor or Gutenberg blocks) as our document, through the
// same allowlist as the editor's paste, with a count of what was dropped.

const BLOCK_TAG = /<(p|div|h[1-6]|ul|ol|table|blockquote|figure|pre)[\s>]/i;

/** WordPress's wpautop, the part that matters: blank lines are paragraphs, single newlines breaks. */
export function autoParagraphs(html: string): string {
  return html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_TAG.test(chunk.slice(0, 16)) ? chunk : `<p>${chunk.replace(/\n/g, "<br>")}</p>`))
    .join("\n");
}

export type ContentResult = { doc: RichTextDoc; report: PasteReport; images: number };

/** `resolve` places the post's images that are in the media library; the rest are dropped and counted. */
export function wordpressContentToDoc(content: string, resolve: ImageResolver = () => null): ContentResult {
  const marked = markImages(content, resolve);
  // Gutenberg's block markers are HTML comments; the parser skips them.
  const html = content.includes("<!-- wp:") ? marked.html : autoParagraphs(marked.html.replace(/\r\n?/g, "\n"));
  const { html: clean, report } = cleanPastedHtml(html);
  const placed = placeImages(richTextDocSchema.parse(cleanHtmlToDoc(clean)), marked.images);
  report.images += placed.dropped;
  return { doc: richTextDocSchema.parse(placed.doc), report, images: marked.images.length - placed.dropped };
}
