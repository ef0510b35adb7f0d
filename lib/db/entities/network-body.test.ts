import { describe, expect, it } from "vitest";
import { bodyTextToDoc, docToBodyText } from "./network-body";

describe("network body text with a table", () => {
  it("round-trips a Markdown table", () => {
    const text = "Inledning.\n\n| Ort | Antal \\| andel |\n| --- | --- |\n| Lerum | **12** |";
    const first = bodyTextToDoc(text);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.doc.content[1]?.type).toBe("table");
    expect(docToBodyText(first.doc)).toBe(text);
    const again = bodyTextToDoc(docToBodyText(first.doc));
    expect(again.ok && again.doc).toEqual(first.doc);
  });
});
