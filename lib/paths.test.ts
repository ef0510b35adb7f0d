import { describe, expect, it } from "vitest";
import { listHref, organisationPath, storyPath } from "./paths";

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

describe("listHref", () => {
  it("leaves the first page without a query string", () => {
    expect(listHref("/nyheter", 1)).toBe("/nyheter");
  });

  it("adds ?sida= for later pages", () => {
    expect(listHref("/nyheter", 2)).toBe("/nyheter?sida=2");
    expect(listHref("/kommuner/lerum", 17)).toBe("/kommuner/lerum?sida=17");
  });

  it("keeps the archive period before the page", () => {
    expect(listHref("/nyheter", 1, { year: 2022 })).toBe("/nyheter?ar=2022");
    expect(listHref("/nyheter", 3, { year: 2022, month: 9 })).toBe("/nyheter?ar=2022&manad=9&sida=3");
  });
});
