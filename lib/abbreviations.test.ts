import { describe, expect, it } from "vitest";
import { splitAbbreviations } from "./abbreviations";

describe("splitAbbreviations", () => {
  it("finds known abbreviations, also with a genitive ending", () => {
    expect(splitAbbreviations("Kommunen deltar i SKL:s projekt med UVP.")).toEqual([
      "Kommunen deltar i ",
      { abbr: "SKL", title: "Sveriges Kommuner och Landsting" },
      ":s projekt med ",
      { abbr: "UVP", title: "Upplands Väsby Promotion" },
      ".",
    ]);
  });

  it("leaves words that only contain the letters alone", () => {
    expect(splitAbbreviations("GRÖN skog, SKLX och gr")).toEqual(["GRÖN skog, SKLX och gr"]);
  });

  it("returns text without abbreviations as one part", () => {
    expect(splitAbbreviations("Lerum väljs ut")).toEqual(["Lerum väljs ut"]);
    expect(splitAbbreviations("")).toEqual([]);
  });
});
