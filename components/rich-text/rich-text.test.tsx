import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { BlockNode, RichTextDoc } from "@/lib/rich-text/schema";
import { RichText } from "./rich-text";

/** Renders a list of blocks; the documents are deliberately allowed to be invalid. */
function render(content: unknown[]): string {
  return renderToStaticMarkup(<RichText doc={{ type: "doc", content } as unknown as RichTextDoc} />);
}
/** What is inside the outer <div class="rich-text">. */
function inner(content: unknown[]): string {
  const html = render(content);
  expect(html.startsWith('<div class="rich-text">') && html.endsWith("</div>")).toBe(true);
  return html.slice('<div class="rich-text">'.length, -"</div>".length);
}
const p = (text: string, marks?: unknown[]) => ({ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] });
const link = (href: string) => ({ type: "link", attrs: { href } });
const count = (html: string, s: string) => html.split(s).length - 1;

const validImage = {
  src: "/media/3f9a0c7e12.webp",
  alt: "Två personer skakar hand framför kommunhuset",
  caption: "Avtalet skrevs under i Lerum.",
  credit: "Foto: Anna Andersson",
  width: 1200,
  height: 675,
};

describe("RichText: text and escaping", () => {
  it("renders paragraphs with their text", () => {
    expect(inner([p("Första."), p("Andra.")])).toBe("<p>Första.</p><p>Andra.</p>");
  });

  it("escapes markup in text instead of rendering it", () => {
    const html = render([p("<script>alert(1)</script>"), p('<img src=x onerror="alert(1)">')]);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes markup in a fact box title", () => {
    const html = render([{ type: "factBox", attrs: { title: "<script>alert(1)</script>" }, content: [p("x")] }]);
    expect(html).not.toContain("<script");
  });

  it("renders bold, italic and hard breaks", () => {
    const html = inner([
      { type: "paragraph", content: [{ type: "text", text: "fet", marks: [{ type: "bold" }] }, { type: "hardBreak" }, { type: "text", text: "kursiv", marks: [{ type: "italic" }] }] },
    ]);
    expect(html).toBe("<p><strong>fet</strong><br/><em>kursiv</em></p>");
  });

  it("renders nothing for a missing or malformed document", () => {
    expect(renderToStaticMarkup(<RichText doc={null} />)).toBe('<div class="rich-text"></div>');
    expect(renderToStaticMarkup(<RichText doc={undefined} />)).toBe('<div class="rich-text"></div>');
    expect(renderToStaticMarkup(<RichText doc={{ type: "doc", content: "<script>x</script>" } as unknown as RichTextDoc} />)).toBe(
      '<div class="rich-text"></div>',
    );
  });
});

describe("RichText: links", () => {
  it("renders an https link as <a href>", () => {
    const html = inner([p("kommunens sida", [link("https://lerum.se/naringsliv")])]);
    expect(html).toBe('<p><a href="https://lerum.se/naringsliv">kommunens sida</a></p>');
  });

  it("renders a site-relative link as a link to that path", () => {
    expect(inner([p("nätverket", [link("/natverk/forenkla")])])).toBe('<p><a href="/natverk/forenkla">nätverket</a></p>');
  });

  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example"])(
    "shows the text without a link for %j",
    (href) => {
      const html = inner([p("klicka här", [link(href)])]);
      expect(html).toBe("<p>klicka här</p>");
      expect(html).not.toMatch(/<a[\s>]/);
    },
  );

  it("keeps other marks when the link is refused", () => {
    expect(inner([p("fet", [{ type: "bold" }, link("javascript:alert(1)")])])).toBe("<p><strong>fet</strong></p>");
  });

  it("ignores a link mark without attrs", () => {
    expect(inner([p("text", [{ type: "link" }])])).toBe("<p>text</p>");
  });
});

describe("RichText: unknown and malformed nodes", () => {
  it.each([
    { type: "html", content: "<script>alert(1)</script>" },
    { type: "html", content: [{ type: "text", text: "<b>x</b>" }] },
    { type: "iframe", attrs: { src: "https://evil.example" } },
    { type: "script", text: "alert(1)" },
    { type: "codeBlock", content: [{ type: "text", text: "x" }] },
    null,
    "<script>alert(1)</script>",
  ])("renders nothing for %j", (node) => {
    expect(inner([node])).toBe("");
  });

  it("keeps the known nodes around an unknown one", () => {
    expect(inner([p("före"), { type: "iframe" }, p("efter")])).toBe("<p>före</p><p>efter</p>");
  });

  it("drops unknown inline nodes", () => {
    const html = inner([{ type: "paragraph", content: [{ type: "html", text: "<b>x</b>" }, { type: "text", text: "kvar" }] }]);
    expect(html).toBe("<p>kvar</p>");
  });

  it("renders nothing for an empty paragraph", () => {
    expect(inner([{ type: "paragraph" }, { type: "paragraph", content: [] }])).toBe("");
  });
});

describe("RichText: images", () => {
  it("renders a /media image as a figure with alt text, caption and credit", () => {
    const html = inner([{ type: "image", attrs: validImage }]);
    expect(html).toMatch(/^<figure[^>]*><img [^>]*alt="Två personer skakar hand framför kommunhuset"/);
    expect(html).toContain("%2Fmedia%2F3f9a0c7e12.webp");
    expect(html).toContain('width="1200"');
    expect(html).toContain('height="675"');
    expect(html).toMatch(/<figcaption>Avtalet skrevs under i Lerum\.<span[^>]*> Foto: Anna Andersson<\/span><\/figcaption><\/figure>$/);
  });

  it("puts Foto: before a credit that does not say what it is", () => {
    const html = inner([{ type: "image", attrs: { ...validImage, credit: "Anna Andersson" } }]);
    expect(html).toMatch(/<span[^>]*> Foto: Anna Andersson<\/span><\/figcaption>/);
  });

  it("renders no caption when there is neither caption nor credit", () => {
    const html = inner([{ type: "image", attrs: { ...validImage, caption: undefined, credit: undefined } }]);
    expect(html).toContain("<img");
    expect(html).not.toContain("<figcaption");
  });

  it.each([
    "https://evil.example/x.png",
    "//evil.example/media/x.webp",
    "/media/../secret.webp",
    "/media/x.svg",
    "/media/x.webp?onerror=alert(1)",
    "/uploads/x.webp",
    "javascript:alert(1)",
  ])("renders nothing for an image with src %j", (src) => {
    expect(inner([{ type: "image", attrs: { ...validImage, src } }])).toBe("");
  });

  it("renders nothing for an image without alt text or attrs", () => {
    expect(inner([{ type: "image", attrs: { ...validImage, alt: "" } }])).toBe("");
    expect(inner([{ type: "image" }])).toBe("");
  });
});

describe("RichText: interviews", () => {
  const qa = (q: string, a: string) => ({
    type: "questionAnswer",
    content: [
      { type: "question", content: [{ type: "text", text: q }] },
      { type: "answer", content: [p(a)] },
    ],
  });

  it("renders consecutive question/answer pairs in one list, each question a heading before its answer", () => {
    const html = inner([p("Ingress."), qa("Hur började det?", "Med ett möte."), qa("Vad händer nu?", "Mer samarbete."), p("Slut.")]);
    expect(count(html, 'class="qa-list"')).toBe(1);
    expect(html).toMatch(/^<p>Ingress\.<\/p><div class="qa-list">.*<\/div><p>Slut\.<\/p>$/);
    expect(html).toMatch(/<h2 class="qa-question">Hur började det\?<\/h2><div class="qa-answer"><p>Med ett möte\.<\/p><\/div>/);
    expect(html).toMatch(/<h2 class="qa-question">Vad händer nu\?<\/h2><div class="qa-answer"><p>Mer samarbete\.<\/p><\/div>/);
    expect(html.indexOf("Hur började det?")).toBeLessThan(html.indexOf("Vad händer nu?"));
  });

  it("puts questions one heading level below the body heading they follow, and starts a new list after it", () => {
    const heading = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
    const html = inner([qa("Ett?", "A."), heading(2, "Del två"), qa("Två?", "B."), heading(3, "Del tre"), qa("Tre?", "C."), heading(4, "Del fyra"), qa("Fyra?", "D.")]);
    expect(count(html, 'class="qa-list"')).toBe(4);
    expect(html).toContain('<h2 class="qa-question">Ett?</h2>');
    expect(html).toContain('<h3 class="qa-question">Två?</h3>');
    expect(html).toContain('<h4 class="qa-question">Tre?</h4>');
    expect(html).toContain('<h4 class="qa-question">Fyra?</h4>');
  });
});

describe("RichText: headings, lists, quotes and fact boxes", () => {
  const heading = (level: unknown) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text: "Rubrik" }] });

  it("renders h2, h3 and h4 by level", () => {
    expect(inner([heading(2), heading(3), heading(4)])).toBe("<h2>Rubrik</h2><h3>Rubrik</h3><h4>Rubrik</h4>");
  });

  it.each([1, 5, 6, 0, "3", null])("falls back to h2 for level %j", (level) => {
    expect(inner([heading(level)])).toBe("<h2>Rubrik</h2>");
  });

  it("falls back to h2 when attrs are missing", () => {
    expect(inner([{ type: "heading", content: [{ type: "text", text: "Rubrik" }] }])).toBe("<h2>Rubrik</h2>");
  });

  it("renders bullet and ordered lists, with the start number", () => {
    const item = (t: string) => ({ type: "listItem", content: [p(t)] });
    expect(inner([{ type: "bulletList", content: [item("a"), item("b")] }])).toBe("<ul><li><p>a</p></li><li><p>b</p></li></ul>");
    expect(inner([{ type: "orderedList", attrs: { start: 3 }, content: [item("c")] }])).toBe('<ol start="3"><li><p>c</p></li></ol>');
    expect(inner([{ type: "orderedList", attrs: { start: "3\" onclick=\"x" }, content: [item("c")] }])).toBe("<ol><li><p>c</p></li></ol>");
  });

  it("drops list children that are not list items", () => {
    expect(inner([{ type: "bulletList", content: [{ type: "html", content: "<b>x</b>" }, { type: "listItem", content: [p("a")] }] }])).toBe(
      "<ul><li><p>a</p></li></ul>",
    );
  });

  it("renders a blockquote", () => {
    expect(inner([{ type: "blockquote", content: [p("Citat.")] }])).toBe("<blockquote><p>Citat.</p></blockquote>");
  });

  it("renders a fact box as an aside with its title", () => {
    const html = inner([{ type: "factBox", attrs: { title: "Förenkla – helt enkelt" }, content: [p("Ett projekt från SKR.")] }]);
    expect(html).toMatch(/^<aside[^>]*aria-label="Förenkla – helt enkelt"[^>]*>/);
    expect(html).toMatch(/<p[^>]*>Förenkla – helt enkelt<\/p><p>Ett projekt från SKR\.<\/p><\/aside>$/);
  });

  it("titles a fact box 'Fakta' when it has no title", () => {
    const html = inner([{ type: "factBox", attrs: { title: "" }, content: [p("x")] }]);
    expect(html).toMatch(/^<aside[^>]*aria-label="Fakta"/);
  });

  it("applies the same allowlist inside nested containers", () => {
    const nested: BlockNode[] = [
      {
        type: "factBox",
        attrs: { title: "T" },
        content: [{ type: "blockquote", content: [{ type: "iframe" } as unknown as BlockNode, p("ok", [link("javascript:alert(1)")]) as BlockNode] }],
      },
    ];
    const html = inner(nested);
    expect(html).toContain("<blockquote><p>ok</p></blockquote>");
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toContain("iframe");
  });
});

describe("RichText: tables", () => {
  const cell = (type: string, text: string, attrs?: unknown) => ({ type, ...(attrs ? { attrs } : {}), content: [p(text)] });
  const row = (...cells: unknown[]) => ({ type: "tableRow", content: cells });

  it("renders a caption, a header row with scope=col and header cells in rows with scope=row, in a named scrolling region", () => {
    const html = inner([
      {
        type: "table",
        attrs: { caption: "Företag per kommun" },
        content: [row(cell("tableHeader", "Kommun"), cell("tableHeader", "Företag")), row(cell("tableHeader", "Lerum"), cell("tableCell", "1 240", { colspan: 2, rowspan: 1 }))],
      },
    ]);
    expect(html).toBe(
      '<div class="table-scroll" role="region" aria-label="Tabell: Företag per kommun" tabindex="0"><table><caption>Företag per kommun</caption>' +
        '<thead><tr><th scope="col">Kommun</th><th scope="col">Företag</th></tr></thead>' +
        '<tbody><tr><th scope="row">Lerum</th><td colSpan="2">1 240</td></tr></tbody></table></div>',
    );
  });

  it("renders a table without header row or caption as a body, named 'Tabell'", () => {
    const html = inner([{ type: "table", content: [row(cell("tableCell", "a"), { type: "tableCell", content: [p("b"), p("c")] })] }]);
    expect(html).toBe('<div class="table-scroll" role="region" aria-label="Tabell" tabindex="0"><table><tbody><tr><td>a</td><td><p>b</p><p>c</p></td></tr></tbody></table></div>');
  });

  it("applies the allowlist inside cells and drops malformed tables", () => {
    const html = render([
      { type: "table", content: [row({ type: "tableCell", content: [{ type: "iframe" }, p("ok", [link("javascript:alert(1)")])] }, { type: "script" })] },
      { type: "table", content: [] },
      { type: "table" },
    ]);
    expect(html).not.toMatch(/iframe|script|javascript/);
    expect(count(html, "<table>")).toBe(1);
    expect(html).toContain("<td>ok</td>");
  });
});
