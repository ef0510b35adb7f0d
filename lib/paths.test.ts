import { describe, expect, it } from "vitest";
import { listHref, organisationPath, parseListSegments, storyPath } from "./paths";

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
  it("leaves the first page as the list's own path", () => {
    expect(listHref("/nyheter", 1)).toBe("/nyheter");
    expect(listHref("/", 1)).toBe("/");
  });

  it("adds /sida/N for later pages", () => {
    expect(listHref("/nyheter", 2)).toBe("/nyheter/sida/2");
    expect(listHref("/kommuner/lerum", 17)).toBe("/kommuner/lerum/sida/17");
  });

  it("puts the archive period before the page", () => {
    expect(listHref("/nyheter", 1, { year: 2022 })).toBe("/nyheter/arkiv/2022");
    expect(listHref("/nyheter", 3, { year: 2022, month: 9 })).toBe("/nyheter/arkiv/2022/9/sida/3");
  });
});

describe("parseListSegments", () => {
  it("reads every form listHref writes, and back", () => {
    const positions = [{ page: 1 }, { page: 2 }, { page: 1, period: { year: 2022 } }, { page: 4, period: { year: 2022 } }, { page: 1, period: { year: 2022, month: 9 } }, { page: 3, period: { year: 2022, month: 12 } }];
    for (const position of positions) {
      const segments = listHref("/x", position.page, position.period).split("/").slice(2);
      expect(parseListSegments(segments)).toEqual({ page: position.page, period: position.period });
    }
  });

  it("refuses anything but the canonical form", () => {
    for (const segments of [
      ["sida", "1"], // page 1 is the list itself
      ["sida", "0"],
      ["sida", "01"],
      ["sida", "abc"],
      ["sida", "10001"],
      ["sida"],
      ["sida", "2", "x"],
      ["arkiv"],
      ["arkiv", "1989"],
      ["arkiv", "2022", "09"],
      ["arkiv", "2022", "13"],
      ["arkiv", "2022", "9", "10"],
      ["sida", "2", "arkiv", "2022"],
      ["2022"],
      ["x"],
    ]) {
      expect(parseListSegments(segments), segments.join("/")).toBeNull();
    }
  });
});
