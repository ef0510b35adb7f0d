import { describe, expect, it } from "vitest";
import { organisationPath, storyPath, withPage } from "./paths";

describe("storyPath", () => {
  it("puts interviews under /intervjuer and everything else under /nyheter", () => {
    expect(storyPath({ kind: "INTERVIEW", slug: "en-intervju" })).toBe("/intervjuer/en-intervju");
    expect(storyPath({ kind: "NEWS", slug: "en-nyhet" })).toBe("/nyheter/en-nyhet");
  });
});

describe("organisationPath", () => {
  it("puts municipalities under /kommuner", () => {
    expect(organisationPath({ kind: "MUNICIPALITY", slug: "lerum" })).toBe("/kommuner/lerum");
  });

  it("puts every other kind under /organisationer", () => {
    for (const kind of ["REGION", "AGENCY", "ASSOCIATION", "COMPANY"]) {
      expect(organisationPath({ kind, slug: "x" })).toBe("/organisationer/x");
    }
  });
});

describe("withPage", () => {
  it("leaves the first page without a query string", () => {
    expect(withPage("/nyheter", 1)).toBe("/nyheter");
  });

  it("adds ?sida= for later pages", () => {
    expect(withPage("/nyheter", 2)).toBe("/nyheter?sida=2");
    expect(withPage("/kommuner/lerum", 17)).toBe("/kommuner/lerum?sida=17");
  });
});
