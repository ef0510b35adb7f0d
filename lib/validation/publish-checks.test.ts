import { describe, expect, it } from "vitest";
import type { BlockNode, InlineNode, RichTextDoc } from "@/lib/rich-text/schema";
import { looksLikeFileName, publishChecks, type PublishCheckInput } from "./publish-checks";

const text = (t: string): InlineNode => ({ type: "text", text: t });
const link = (t: string, href: string): InlineNode => ({ type: "text", text: t, marks: [{ type: "link", attrs: { href } }] });
const p = (...content: InlineNode[]): BlockNode => ({ type: "paragraph", content });
const h = (level: 2 | 3 | 4, t: string): BlockNode => ({ type: "heading", attrs: { level }, content: t ? [text(t)] : [] });
const image = (alt: string): BlockNode => ({ type: "image", attrs: { src: "/media/abc.webp", alt, width: 10, height: 10 } });
const doc = (...content: BlockNode[]): RichTextDoc => ({ type: "doc", content });

const input = (body: RichTextDoc, extra: Partial<PublishCheckInput> = {}): PublishCheckInput => ({ body, metaDescription: null, pageOwner: "Näringslivsenheten", hero: null, ...extra });
const kinds = (i: PublishCheckInput) => publishChecks(i).map((c) => `${c.level}:${c.id}`);

describe("publishChecks", () => {
  it("finds nothing in a well-made story", () => {
    expect(kinds(input(doc(p(text("Företagarna i Lerum träffades på morgonen.")), h(2, "Vad händer nu"), h(3, "Nästa möte"), p(link("programmet för frukostmötet (PDF)", "https://lerum.se/program.pdf")))))).toEqual([]);
  });

  it("calls an alt text made of a file name an error, and a missing hero alt too", () => {
    expect(kinds(input(doc(image("IMG_4711.jpg"), image("Hamnen i morgonljus")), { hero: { alt: "" } }))).toEqual(["error:hero-alt:heroImageId", "error:image-alt:0"]);
    expect(looksLikeFileName("DSC0042")).toBe(true);
    expect(looksLikeFileName("hamn_2023-04_v2")).toBe(true);
    expect(looksLikeFileName("Två personer vid ett bord")).toBe(false);
    expect(looksLikeFileName("Logistikparken 2025")).toBe(false);
  });

  it("finds skipped and empty headings; the title counts as level 1", () => {
    expect(kinds(input(doc(h(3, "Bakgrund"), h(2, ""), h(2, "Mål"), h(4, "Detaljer"))))).toEqual(["error:heading-skip:0", "error:heading-empty:1", "error:heading-skip:3"]);
  });

  it("refuses link texts that say nothing, however they are punctuated or split", () => {
    const body = doc(p(text("Anmäl dig "), link("Klicka ", "https://a.se"), link("här!", "https://a.se")), p(link("Läs mer…", "/nyheter/x")), p(link("Läs mer om mässan", "/nyheter/x")));
    const checks = publishChecks(input(body));
    expect(checks.map((c) => c.id)).toEqual(["link-text:0", "link-text:1"]);
    expect(checks[0]?.message).toContain("”Klicka här!”");
  });

  it("warns about document links that do not say so, and about paragraphs in capitals", () => {
    const body = doc(p(link("Verksamhetsplanen", "https://kommun.se/plan.PDF?v=2")), p(link("Budget (Excel)", "https://kommun.se/budget.xlsx")), p(text("VÄLKOMMEN TILL ÅRETS STORA FÖRETAGSGALA I ALE")), p(text("EU och SCB har nya siffror.")));
    expect(kinds(input(body))).toEqual(["warning:link-document:0", "warning:capitals:2"]);
  });

  it("looks inside lists, quotes, fact boxes, answers and tables, with the path to the block", () => {
    const body = doc({ type: "bulletList", content: [{ type: "listItem", content: [p(text("Ett"))] }, { type: "listItem", content: [p(link("här", "https://a.se"))] }] }, {
      type: "questionAnswer",
      content: [{ type: "question", content: [text("Varför?")] }, { type: "answer", content: [p(text("Därför.")), image("bild.png")] }],
    }, { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [{ type: "paragraph", content: [link("länk", "https://a.se")] }] }] }] });
    expect(publishChecks(input(body)).map((c) => c.path)).toEqual([[0, 1, 0], [1, 1, 1], [2, 0, 0, 0]]);
  });

  it("checks the meta description's length and asks for a page owner", () => {
    expect(kinds(input(doc(), { metaDescription: "x".repeat(161), pageOwner: " " }))).toEqual(["error:meta-length:metaDescription", "warning:page-owner:pageOwner"]);
    expect(kinds(input(doc(), { metaDescription: "x".repeat(160) }))).toEqual([]);
  });
});
