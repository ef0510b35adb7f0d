import { describe, expect, it } from "vitest";
import { isSafeText, UNSAFE_TEXT, unsafeTextFields, withoutUnsafeText } from "./text-safety";

describe("text no field may store", () => {
  it("is NUL and other control characters, DEL and lone surrogates", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001B[31m", "\u007F", "\uD83D", "trasig \uDE00 emoji", "\uDE00\uD83D"]) expect(isSafeText(bad), JSON.stringify(bad)).toBe(false);
  });

  it("is not tabs, line breaks, Swedish letters or whole emoji", () => {
    for (const good of ["Rubrik\tmed tab", "rad ett\r\nrad två\n", "Företagsklimat i Åre och Örebro", "Ny fabrik 🏭 i Lerum 😀", "𝒳"]) expect(isSafeText(good), good).toBe(true);
  });

  it("is dropped from parameters that only read", () => {
    expect(withoutUnsafeText("\u0000x")).toBe("x");
    expect(withoutUnsafeText("ny\u0000tt \uD83D företag 😀")).toBe("nytt  företag 😀");
  });

  it("names each form field that holds it, a story body as one field", () => {
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Hej\u0000" }] }] };
    expect(unsafeTextFields({ title: "Bra rubrik", lead: "En\u0000ingress", body })).toEqual({ lead: UNSAFE_TEXT, body: UNSAFE_TEXT });
    expect(unsafeTextFields({ title: "Bra", tags: ["ok", "\uDBFF"] })).toEqual({ tags: UNSAFE_TEXT });
    expect(unsafeTextFields({ title: "Bra", body: { type: "doc", content: [] } })).toEqual({});
    expect(unsafeTextFields("not an object")).toEqual({});
    // File bytes are not text.
    expect(unsafeTextFields({ alt: "Bild", bytes: Buffer.from([0, 0, 0]) })).toEqual({});
  });
});
