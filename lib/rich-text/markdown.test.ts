import { describe, expect, it, vi } from "vitest";
import { markdownToDoc, type ImageResolver } from "./markdown";
import { richTextDocSchema, type BlockNode, type RichTextDoc } from "./schema";

const KNOWN_TYPES = new Set([
  "doc", "paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "image", "factBox",
  "questionAnswer", "question", "answer", "text", "hardBreak", "table", "tableRow", "tableHeader", "tableCell",
]);

/** Converts and checks the result against the stored document format. */
function convert(markdown: string, opts?: Parameters<typeof markdownToDoc>[1]): BlockNode[] {
  const doc = markdownToDoc(markdown, opts);
  const parsed = richTextDocSchema.safeParse(doc);
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues)).toBe(true);
  return doc.content;
}

function allTypes(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allTypes(n, out));
  else if (node && typeof node === "object") {
    const o = node as { type?: unknown; content?: unknown };
    if (typeof o.type === "string") out.push(o.type);
    allTypes(o.content, out);
  }
  return out;
}

const text = (t: string) => ({ type: "text", text: t });
const para = (t: string) => ({ type: "paragraph", content: [text(t)] });

describe("markdownToDoc: basic blocks", () => {
  it("turns text separated by blank lines into paragraphs", () => {
    expect(convert("Första stycket.\n\nAndra stycket\nfortsätter här.")).toEqual([
      para("Första stycket."),
      para("Andra stycket fortsätter här."),
    ]);
  });

  it("returns an empty document for empty input", () => {
    expect(convert("")).toEqual([]);
  });

  it("keeps h2–h4 and clamps h1 to h2 and h5/h6 to h4", () => {
    const content = convert("# Ett\n\n## Två\n\n### Tre\n\n#### Fyra\n\n##### Fem\n\n###### Sex");
    expect(content.map((b) => (b.type === "heading" ? b.attrs.level : b.type))).toEqual([2, 2, 3, 4, 4, 4]);
    expect(content[0]).toEqual({ type: "heading", attrs: { level: 2 }, content: [text("Ett")] });
  });

  it("converts bullet lists", () => {
    expect(convert("- Ett\n- Två")).toEqual([
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [para("Ett")] },
          { type: "listItem", content: [para("Två")] },
        ],
      },
    ]);
  });

  it("converts ordered lists and keeps their start number", () => {
    const [list] = convert("3. Tre\n4. Fyra");
    expect(list).toMatchObject({ type: "orderedList", attrs: { start: 3 } });
    expect(list?.type === "orderedList" && list.content.length).toBe(2);
    expect(convert("1. Ett")[0]).toMatchObject({ type: "orderedList", attrs: { start: 1 } });
  });

  it("converts nested lists", () => {
    const [list] = convert("- Ett\n  - Under\n- Två");
    expect(list).toEqual({
      type: "bulletList",
      content: [
        { type: "listItem", content: [para("Ett"), { type: "bulletList", content: [{ type: "listItem", content: [para("Under")] }] }] },
        { type: "listItem", content: [para("Två")] },
      ],
    });
  });

  it("converts an ordinary blockquote", () => {
    expect(convert("> Citat här.")).toEqual([{ type: "blockquote", content: [para("Citat här.")] }]);
  });

  it("drops horizontal rules", () => {
    expect(convert("Före\n\n---\n\nEfter")).toEqual([para("Före"), para("Efter")]);
  });
});

describe("markdownToDoc: inline marks", () => {
  it("turns bold, italic and links into marks", () => {
    const [p] = convert("Läs **mer** om *projektet* på [kommunens sida](https://lerum.se/naringsliv).");
    expect(p).toEqual({
      type: "paragraph",
      content: [
        text("Läs "),
        { type: "text", text: "mer", marks: [{ type: "bold" }] },
        text(" om "),
        { type: "text", text: "projektet", marks: [{ type: "italic" }] },
        text(" på "),
        { type: "text", text: "kommunens sida", marks: [{ type: "link", attrs: { href: "https://lerum.se/naringsliv" } }] },
        text("."),
      ],
    });
  });

  it("combines nested marks", () => {
    const [p] = convert("[**Fet länk**](/natverk/x)");
    expect(p).toEqual({
      type: "paragraph",
      content: [{ type: "text", text: "Fet länk", marks: [{ type: "link", attrs: { href: "/natverk/x" } }, { type: "bold" }] }],
    });
  });

  it("turns a hard line break into a hardBreak node", () => {
    const [p] = convert("Rad ett  \nRad två");
    expect(p).toEqual({ type: "paragraph", content: [text("Rad ett"), { type: "hardBreak" }, text("Rad två")] });
  });

  it("decodes the entities marked leaves encoded", () => {
    expect(convert("AT&amp;T &lt;3")).toEqual([para("AT&T <3")]);
  });
});

describe("markdownToDoc: fact boxes", () => {
  it("turns a [!FAKTA] blockquote into a factBox with its title and content", () => {
    const content = convert("> [!FAKTA] Förenkla – helt enkelt\n> Projektet erbjuds av SKR.\n> - Fyra block\n> - En handlingsplan");
    expect(content).toEqual([
      {
        type: "factBox",
        attrs: { title: "Förenkla – helt enkelt" },
        content: [
          para("Projektet erbjuds av SKR."),
          {
            type: "bulletList",
            content: [
              { type: "listItem", content: [para("Fyra block")] },
              { type: "listItem", content: [para("En handlingsplan")] },
            ],
          },
        ],
      },
    ]);
  });

  it("uses 'Fakta' as title when none is given", () => {
    expect(convert("> [!FAKTA]\n> Innehåll.")).toEqual([{ type: "factBox", attrs: { title: "Fakta" }, content: [para("Innehåll.")] }]);
  });

  it("does not treat the marker as a fact box anywhere but the first line", () => {
    const [b] = convert("> Inledning\n> [!FAKTA] Inte här");
    expect(b!.type).toBe("blockquote");
  });

});

// Containers whose content is empty or dropped must not make the document invalid: toDoc()
// validates every content file, so one such construct would otherwise stop the whole seed.
describe("markdownToDoc: containers left empty", () => {
  it.each([
    ["a fact box with only a title line", "> [!FAKTA] Lerum har 43 000 invånare"],
    ["an empty bullet item", "-\n- Två"],
    ["a list item holding only raw HTML", "- <div>x</div>"],
    ["a blockquote holding only raw HTML", "> <div>x</div>\n\nEfter."],
  ])("produces a valid document for %s", (_, markdown) => {
    convert(markdown);
  });
});

describe("markdownToDoc: images", () => {
  const resolver: ImageResolver = (src, alt, title) => ({
    src: `/media/${src.replace(/^images\/|\.\w+$/g, "")}.webp`,
    alt,
    ...(title ? { caption: title } : {}),
    width: 1200,
    height: 675,
  });

  it("turns an image alone on a line into an image node through the resolver", () => {
    const resolveImage = vi.fn(resolver);
    const content = convert('Före.\n\n![Två personer vid ett bord](images/mote.svg "Mötet i Lerum")\n\nEfter.', { resolveImage });
    expect(resolveImage).toHaveBeenCalledWith("images/mote.svg", "Två personer vid ett bord", "Mötet i Lerum");
    expect(content).toEqual([
      para("Före."),
      { type: "image", attrs: { src: "/media/mote.webp", alt: "Två personer vid ett bord", caption: "Mötet i Lerum", width: 1200, height: 675 } },
      para("Efter."),
    ]);
  });

  it("passes null as title when the image has none", () => {
    const resolveImage = vi.fn(resolver);
    const [img] = convert("![Karta](images/karta.png)", { resolveImage });
    expect(resolveImage).toHaveBeenCalledWith("images/karta.png", "Karta", null);
    expect(img).toEqual({ type: "image", attrs: { src: "/media/karta.webp", alt: "Karta", width: 1200, height: 675 } });
  });

  it("fails loudly when an image is found and no resolver was given", () => {
    expect(() => markdownToDoc("![Karta](images/karta.png)")).toThrow(/images\/karta\.png/);
  });
});

describe("markdownToDoc: interviews", () => {
  const md = [
    "Ingress utan fråga.",
    "**Hur började det?**",
    "Med ett möte.",
    "Och sedan ett till.",
    "**Vad *händer* nu?**",
    "- Mer samarbete",
    "## Bakgrund",
    "Text efter rubriken.",
  ].join("\n\n");

  it("turns entirely bold paragraphs into questions with the following blocks as answer", () => {
    expect(convert(md, { interview: true })).toEqual([
      para("Ingress utan fråga."),
      {
        type: "questionAnswer",
        content: [
          { type: "question", content: [text("Hur började det?")] },
          { type: "answer", content: [para("Med ett möte."), para("Och sedan ett till.")] },
        ],
      },
      {
        type: "questionAnswer",
        content: [
          // The bold mark is stripped, other marks stay.
          { type: "question", content: [text("Vad "), { type: "text", text: "händer", marks: [{ type: "italic" }] }, text(" nu?")] },
          { type: "answer", content: [{ type: "bulletList", content: [{ type: "listItem", content: [para("Mer samarbete")] }] }] },
        ],
      },
      { type: "heading", attrs: { level: 2 }, content: [text("Bakgrund")] },
      para("Text efter rubriken."),
    ]);
  });

  it("leaves bold paragraphs alone outside interviews", () => {
    expect(convert("**Hur började det?**\n\nMed ett möte.")).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "Hur började det?", marks: [{ type: "bold" }] }] },
      para("Med ett möte."),
    ]);
  });

  it("does not treat a paragraph that is only partly bold as a question", () => {
    const content = convert("**Fråga:** inte hela stycket.\n\nSvar.", { interview: true });
    expect(content.map((b) => b.type)).toEqual(["paragraph", "paragraph"]);
  });

  // A bold-only paragraph that gets no answer (last in the text, or directly followed by a
  // heading or another bold paragraph) is not a question and keeps its bold.
  it("keeps the bold of a bold paragraph that turns out to have no answer", () => {
    const content = convert("**Fråga?**\n\nSvar.\n\n**Intervjun är redigerad.**", { interview: true });
    expect(content[1]).toEqual({ type: "paragraph", content: [{ type: "text", text: "Intervjun är redigerad.", marks: [{ type: "bold" }] }] });
  });
});

describe("markdownToDoc: tables", () => {
  it("turns a GFM table into a table whose first row is header cells", () => {
    const cell = (type: string, t: string) => ({ type, content: [para(t)] });
    expect(convert("| Ort | Antal |\n| --- | ---: |\n| Lerum | **12** |\n| Ale |  |")).toEqual([
      {
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Ort"), cell("tableHeader", "Antal")] },
          { type: "tableRow", content: [cell("tableCell", "Lerum"), { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "12", marks: [{ type: "bold" }] }] }] }] },
          { type: "tableRow", content: [cell("tableCell", "Ale"), { type: "tableCell", content: [{ type: "paragraph" }] }] },
        ],
      },
    ]);
  });
});

describe("markdownToDoc: raw HTML", () => {
  it("drops block-level HTML entirely", () => {
    const content = convert('<script>alert(1)</script>\n\n<div onclick="x">\nhej\n</div>\n\nEfter.');
    expect(content).toEqual([para("Efter.")]);
  });

  it("keeps inline HTML only as plain text", () => {
    const doc = markdownToDoc('Hej <b>du</b> <img src=x onerror="alert(1)">');
    expect(richTextDocSchema.safeParse(doc).success).toBe(true);
    expect(doc.content).toEqual([para('Hej <b>du</b> <img src=x onerror="alert(1)">')]);
  });

  it("turns fenced code containing HTML into plain text", () => {
    expect(convert("```html\n<script>x</script>\n```")).toEqual([para("<script>x</script>")]);
  });

  it("never produces a node type outside the document format", () => {
    const docs: RichTextDoc[] = [
      markdownToDoc("<iframe src=//evil></iframe>\n\nText <span>inline</span>\n\n<!-- kommentar -->\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
      markdownToDoc("- <b>i lista</b>\n\n> Citat <script>x</script>\n\n**<i>fråga</i>**\n\n<p>svar</p>\n\nSvar.", { interview: true }),
      markdownToDoc("> [!FAKTA] <b>Titel</b>\n> <em>text</em>\n\n> <script>x</script>\n\n- <div>x</div>"),
    ];
    for (const doc of docs) {
      expect(allTypes(doc).filter((t) => !KNOWN_TYPES.has(t))).toEqual([]);
    }
    expect(richTextDocSchema.safeParse(docs[0]).success).toBe(true);
    expect(richTextDocSchema.safeParse(docs[1]).success).toBe(true);
  });
});
