import { describe, expect, it } from "vitest";
import { emptyStoryFields, type StoryFields } from "@/lib/validation/story";
import { diffStories } from "./story-diff";

const base: StoryFields = {
  ...emptyStoryFields(["o1"]),
  title: "Ny fabrik i Lerum",
  slug: "ny-fabrik-i-lerum",
  lead: "Fyrtio nya jobb.",
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Bygget börjar i vår." }] }] },
};

describe("diffStories", () => {
  it("marks changed words and names organisations instead of showing ids", () => {
    const after = { ...base, lead: "Femtio nya jobb.", organisationIds: ["o1", "o2"] };
    const diff = diffStories(base, after, { o1: "Lerums kommun", o2: "Alingsås kommun" });
    const lead = diff.find((d) => d.label === "Ingress")!;
    expect(lead.changed).toBe(true);
    expect(lead.parts).toEqual(expect.arrayContaining([{ kind: "removed", text: "Fyrtio" }, { kind: "added", text: "Femtio" }]));
    const orgs = diff.find((d) => d.label === "Organisationer")!;
    expect(orgs.parts.map((p) => p.text).join("")).toContain("Alingsås kommun");
    expect(diff.find((d) => d.label === "Rubrik")!.changed).toBe(false);
  });

  it("shows everything as added for the first version", () => {
    const diff = diffStories(null, base, {});
    expect(diff.find((d) => d.label === "Brödtext")).toMatchObject({ changed: true, parts: [{ kind: "added", text: "Bygget börjar i vår." }] });
  });
});
