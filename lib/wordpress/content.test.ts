import { describe, expect, it } from "vitest";
import { pasteMessage } from "@/lib/rich-text/paste";
import { autoParagraphs, wordpressContentToDoc } from "./content";

const GUTENBERG = `<!-- wp:heading -->
<h2 class="wp-block-heading">Nya företag i Lerum</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Under våren startade <strong>tolv</strong> nya företag, läs mer på <a href="https://www.lerum.se/naringsliv">kommunens sida</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":42,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="https://exempel.se/wp-content/uploads/2024/05/torget.jpg" alt="Torget" class="wp-image-42"/></figure>
<!-- /wp:image -->

<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item --><li>Café på torget</li><!-- /wp:list-item --><!-- wp:list-item --><li>Cykelverkstad</li><!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc"} -->
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper"><iframe src="https://www.youtube.com/embed/abc"></iframe></div></figure>
<!-- /wp:embed -->`;

describe("wordpressContentToDoc", () => {
  it("converts Gutenberg blocks and reports the image and the embed it drops", () => {
    const { doc, report } = wordpressContentToDoc(GUTENBERG);
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Nya företag i Lerum" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Under våren startade " },
          { type: "text", text: "tolv", marks: [{ type: "bold" }] },
          { type: "text", text: " nya företag, läs mer på " },
          { type: "text", text: "kommunens sida", marks: [{ type: "link", attrs: { href: "https://www.lerum.se/naringsliv" } }] },
          { type: "text", text: "." },
        ],
      },
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Café på torget" }] }] },
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Cykelverkstad" }] }] },
        ],
      },
    ]);
    expect(report.images).toBe(1);
    expect(report.embeds).toBe(1);
    expect(pasteMessage(report)).toBe("Inklistrat. Borttaget: 1 bild, 1 inbäddning.");
  });

  it("turns classic-editor blank lines into paragraphs and single newlines into breaks", () => {
    expect(autoParagraphs("Första stycket.\n\nAndra raden ett\nrad två")).toBe("<p>Första stycket.</p>\n<p>Andra raden ett<br>rad två</p>");
    const { doc } = wordpressContentToDoc("Hej <em>Alingsås</em>!\r\n\r\n<h3>Öppet hus</h3>\r\n\r\nVälkommen.");
    expect(doc.content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "Hej " }, { type: "text", text: "Alingsås", marks: [{ type: "italic" }] }, { type: "text", text: "!" }] },
      { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Öppet hus" }] },
      { type: "paragraph", content: [{ type: "text", text: "Välkommen." }] },
    ]);
  });

  it("keeps the text of broken HTML, drops scripts and unsafe links, and yields a valid document", () => {
    const { doc, report } = wordpressContentToDoc(`<p>Ett <b>stängt <i>fel</b> stycke<p>Nästa <a href="javascript:alert(1)">länk</a><script>alert("x")</script><table><tr><td>Kommun<td>Ale</table><div><p>Sista`);
    expect(JSON.stringify(doc)).not.toContain("alert");
    expect(report.unsafeLinks).toBe(1);
    const text = JSON.stringify(doc);
    for (const word of ["stängt", "fel", "stycke", "Nästa", "länk", "Kommun", "Ale", "Sista"]) expect(text).toContain(word);
    expect(doc.content.some((b) => b.type === "table")).toBe(true);
  });
});
