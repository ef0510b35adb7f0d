import { describe, expect, it } from "vitest";
import { wordpressContentToDoc } from "./content";
import type { ImageResolver } from "./images";

// The library's copy of attachment 42 (torget.jpg); nothing else is in the library.
const resolve: ImageResolver = ({ src, attachmentId, alt }) =>
  attachmentId === "42" || /\/torget(-\d+x\d+)?\.jpg$/.test(src) ? { src: "/media/0123456789abcdef0123456789abcdef.webp", width: 1200, height: 800, mediaId: "m42", alt: alt || "Torget i Lerum" } : null;

const image = (extra: Record<string, string> = {}) => ({ type: "image", attrs: { src: "/media/0123456789abcdef0123456789abcdef.webp", width: 1200, height: 800, mediaId: "m42", ...extra } });

describe("images of a WordPress post placed from the media library", () => {
  it("makes a Gutenberg image block with its caption an image of the document", () => {
    const { doc, report, images } = wordpressContentToDoc(
      `<!-- wp:paragraph --><p>Före.</p><!-- /wp:paragraph -->
<!-- wp:image {"id":42} --><figure class="wp-block-image"><img src="https://x.se/wp-content/uploads/2024/05/torget-1024x683.jpg" alt="Torget en lördag" class="wp-image-42"/><figcaption class="wp-element-caption">Lördagsmarknad på <strong>torget</strong></figcaption></figure><!-- /wp:image -->
<!-- wp:image --><figure class="wp-block-image"><img src="https://annan.se/bild.png" alt="Extern"/></figure><!-- /wp:image -->`,
      resolve,
    );
    expect(doc.content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "Före." }] },
      image({ alt: "Torget en lördag", caption: "Lördagsmarknad på torget" }),
    ]);
    expect(images).toBe(1);
    expect(report.images).toBe(1); // the external one
  });

  it("splits a classic paragraph around an image in a link, and reads the [caption] shortcode", () => {
    const { doc } = wordpressContentToDoc(
      `Text före <a href="https://x.se/wp-content/uploads/2024/05/torget.jpg"><img class="alignnone size-large wp-image-42" src="https://x.se/wp-content/uploads/2024/05/torget-1024x683.jpg" alt="" /></a> och efter.

[caption id="attachment_42" align="alignnone" width="300"]<img src="https://x.se/wp-content/uploads/2024/05/torget.jpg" alt="Torget" width="300" /> Torget i maj[/caption]`,
      resolve,
    );
    expect(doc.content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "Text före " }] },
      image({ alt: "Torget i Lerum" }),
      { type: "paragraph", content: [{ type: "text", text: " och efter." }] },
      image({ alt: "Torget", caption: "Torget i maj" }),
    ]);
  });

  it("keeps an image in a list item and drops one in a heading, counting it", () => {
    const { doc, report, images } = wordpressContentToDoc(`<ul><li>Punkt <img src="/wp-content/uploads/torget.jpg" alt="A"></li></ul><h2>Rubrik <img src="/wp-content/uploads/torget.jpg" alt="B"></h2>`, resolve);
    expect(doc.content).toEqual([
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Punkt " }] }, image({ alt: "A" })] }] },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Rubrik " }] },
    ]);
    expect(images).toBe(1);
    expect(report.images).toBe(1);
  });
});
