import { describe, expect, it } from "vitest";
import { UNSAFE_LINK } from "@/lib/rich-text/schema";
import { emptyStoryFields, MOMENT_FORMAT, parseStoryFields, PICK_MOMENT, scheduleInputSchema, transitionSchema } from "./story";

const withBody = (content: unknown[]) => ({ ...emptyStoryFields(), title: "Rubrik", lead: "Ingress", body: { type: "doc", content } });

describe("parseStoryFields", () => {
  it("names a broken body in one Swedish sentence", () => {
    const result = parseStoryFields(withBody([{ type: "questionAnswer", content: [{ type: "question", content: [] }, { type: "answer", content: [{ type: "paragraph" }] }] }]));
    expect(result).toEqual({ ok: false, fieldErrors: { body: expect.stringMatching(/^Brödtexten har ett block som inte är komplett/) } });
  });

  it("keeps the schema's own words, such as a missing alt text, and reports fields by name", () => {
    const result = parseStoryFields({ ...withBody([{ type: "image", attrs: { src: "/media/a.webp", alt: " ", width: 1, height: 1 } }]), metaDescription: "x".repeat(161) });
    expect(result).toEqual({ ok: false, fieldErrors: { metaDescription: "Metabeskrivningen får vara högst 160 tecken.", body: "Bilden saknar alternativtext" } });
  });

  it("lets a draft be incomplete: no title, no lead, an empty body", () => {
    expect(parseStoryFields({ ...emptyStoryFields(), title: "", lead: "" }).ok).toBe(true);
  });

  it("refuses a link the renderer would not render, in words an editor understands", () => {
    const link = (href: string) => withBody([{ type: "paragraph", content: [{ type: "text", text: "Läs mer om programmet", marks: [{ type: "link", attrs: { href } }] }] }]);
    for (const href of ["javascript:alert(1)", "data:text/html,<b>x</b>", "//angripare.example/", "vbscript:x", " JavaScript:alert(1)"]) {
      expect(parseStoryFields(link(href)), href).toEqual({ ok: false, fieldErrors: { body: UNSAFE_LINK } });
    }
    for (const href of ["https://www.lerum.se/naringsliv", "mailto:naringsliv@lerum.se", "tel:+46302521000", "/nyheter", "#fragor"]) expect(parseStoryFields(link(href)).ok, href).toBe(true);
  });

  it("accepts a complete story", () => {
    expect(parseStoryFields(withBody([{ type: "paragraph", content: [{ type: "text", text: "Text" }] }])).ok).toBe(true);
  });
});

describe("transitionSchema and scheduleInputSchema", () => {
  const id = "0b9f4a6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  const atError = (input: unknown) => {
    const parsed = scheduleInputSchema.safeParse(input);
    return parsed.success ? null : parsed.error.issues.find((i) => i.path[0] === "at")?.message;
  };

  it("needs an id shaped like a uuid", () => {
    expect(transitionSchema.safeParse({ id }).success).toBe(true);
    expect(transitionSchema.safeParse({ id: "1; DROP TABLE story" }).success).toBe(false);
    expect(transitionSchema.safeParse({}).success).toBe(false);
  });

  it("asks for a moment when scheduling without one, and says how to write one it cannot read", () => {
    expect(atError({ id })).toBe(PICK_MOMENT);
    expect(atError({ id, at: "" })).toBe(PICK_MOMENT);
    expect(atError({ id, at: "nästa tisdag" })).toBe(MOMENT_FORMAT);
    expect(atError({ id, at: "2026-11-23T25:00" })).toBe(MOMENT_FORMAT);
  });

  it("reads a datetime-local value as Stockholm time and an ISO time by its zone", () => {
    expect(scheduleInputSchema.parse({ id, at: "2026-07-01T12:00" }).at.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(scheduleInputSchema.parse({ id, at: "2026-07-01T12:00:00+02:00" }).at.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(transitionSchema.parse({ id }).at).toBeUndefined();
  });
});
