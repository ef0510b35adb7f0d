import { describe, expect, it } from "vitest";
import { cleanEditorJson } from "./clean";
import { docToPlainText } from "./plain-text";
import { richTextDocSchema, TABLE_LIMITS, type RichTextDoc } from "./schema";

const cell = (type: "tableHeader" | "tableCell", text: string) => ({ type, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const row = (type: "tableHeader" | "tableCell", ...texts: string[]) => ({ type: "tableRow", content: texts.map((t) => cell(type, t)) });
const doc = (table: unknown) => ({ type: "doc", content: [table] });

describe("the table node", () => {
  it("accepts a table with a caption, a header row and data rows", () => {
    const table = { type: "table", attrs: { caption: "Företag per kommun" }, content: [row("tableHeader", "Kommun", "Företag"), row("tableCell", "Lerum", "1 240")] };
    expect(richTextDocSchema.safeParse(doc(table)).success).toBe(true);
  });

  it("refuses tables past the limits, without rows or with cells that are not paragraphs", () => {
    const wide = Array.from({ length: TABLE_LIMITS.columns + 1 }, (_, i) => String(i));
    const long = Array.from({ length: TABLE_LIMITS.rows + 1 }, () => row("tableCell", "x"));
    const spanned = { type: "tableRow", content: [{ ...cell("tableCell", "x"), attrs: { colspan: TABLE_LIMITS.columns } }, cell("tableCell", "y")] };
    for (const table of [
      { type: "table", content: [row("tableCell", ...wide)] },
      { type: "table", content: long },
      { type: "table", content: [spanned] },
      { type: "table", content: [] },
      { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [{ type: "heading", attrs: { level: 2 } }] }] }] },
      { type: "table", content: [{ type: "tableRow", content: [{ type: "image", attrs: {} }] }] },
    ]) {
      expect(richTextDocSchema.safeParse(doc(table)).success).toBe(false);
    }
  });

  it("is what cleanEditorJson makes of the editor's table, spans of 1 and widths dropped", () => {
    const fromEditor = doc({
      type: "table",
      attrs: { caption: null },
      content: [{ type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: "paragraph" }] }, { type: "tableCell", attrs: { colspan: 2, rowspan: 1, colwidth: [120, 80] }, content: [{ type: "paragraph" }] }] }],
    });
    const parsed = richTextDocSchema.safeParse(cleanEditorJson(fromEditor));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.content[0]).toEqual({
      type: "table",
      content: [{ type: "tableRow", content: [{ type: "tableHeader", content: [{ type: "paragraph" }] }, { type: "tableCell", attrs: { colspan: 2 }, content: [{ type: "paragraph" }] }] }],
    });
  });

  it("reads as its caption and then one line per row", () => {
    const table = { type: "table", attrs: { caption: "Företag" }, content: [row("tableHeader", "Kommun", "Antal"), row("tableCell", "Lerum", "12")] };
    expect(docToPlainText(doc(table) as RichTextDoc)).toBe("Företag\nKommun Antal\nLerum 12");
  });
});
