import { describe, expect, it } from "vitest";
import { cleanEditorJson } from "./clean";
import { richTextDocSchema } from "./schema";

describe("cleanEditorJson", () => {
  it("turns TipTap's output into a document the stored schema accepts", () => {
    const fromEditor = {
      type: "doc",
      content: [
        { type: "paragraph", attrs: { textAlign: null }, content: [{ type: "text", text: "Läs ", marks: [{ type: "link", attrs: { href: "https://lerum.se", target: "_blank", rel: null, class: null } }] }] },
        { type: "image", attrs: { src: "/media/abc.webp", alt: "Hamnen", caption: null, credit: "", width: 800, height: 600, mediaId: null } },
        { type: "orderedList", attrs: { start: 1, type: null }, content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
      ],
    };
    const parsed = richTextDocSchema.safeParse(cleanEditorJson(fromEditor));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.content[1]).toEqual({ type: "image", attrs: { src: "/media/abc.webp", alt: "Hamnen", width: 800, height: 600 } });
    expect(parsed.data?.content[0]).toMatchObject({ content: [{ marks: [{ type: "link", attrs: { href: "https://lerum.se" } }] }] });
  });

  it("still refuses an image without alt text", () => {
    const doc = { type: "doc", content: [{ type: "image", attrs: { src: "/media/abc.webp", alt: "", width: 1, height: 1 } }] };
    expect(richTextDocSchema.safeParse(cleanEditorJson(doc)).success).toBe(false);
  });
});
