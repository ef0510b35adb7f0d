import { describe, expect, it } from "vitest";
import { creditText, cutAtWord, formatDate, formatDateWithTime, kindLabel, publicationDates, stockholmDay } from "./format";

describe("formatDate", () => {
  it("writes the date the Swedish way", () => {
    expect(formatDate("2022-09-07T08:00:00+02:00")).toBe("7 september 2022");
  });

  it("uses the Stockholm calendar day, not the UTC one", () => {
    // 22:30 UTC on 6 September is 00:30 on 7 September in Stockholm (summer time, UTC+2).
    expect(formatDate("2022-09-06T22:30:00Z")).toBe("7 september 2022");
    // 21:30 UTC is still the 6th in Stockholm.
    expect(formatDate("2022-09-06T21:30:00Z")).toBe("6 september 2022");
  });

  it("follows winter time across the new year", () => {
    // UTC+1 in winter: 23:30 UTC on New Year's Eve is already New Year's Day.
    expect(formatDate("2022-12-31T23:30:00Z")).toBe("1 januari 2023");
    expect(formatDate("2022-12-31T22:30:00Z")).toBe("31 december 2022");
  });

  it("accepts Date objects", () => {
    expect(formatDate(new Date("2024-03-15T12:00:00Z"))).toBe("15 mars 2024");
  });
});

describe("stockholmDay", () => {
  it("gives the calendar day in Stockholm as YYYY-MM-DD", () => {
    expect(stockholmDay("2022-09-07T08:00:00+02:00")).toBe("2022-09-07");
    expect(stockholmDay("2022-09-06T22:30:00Z")).toBe("2022-09-07");
    expect(stockholmDay("2022-09-06T21:59:59Z")).toBe("2022-09-06");
  });

  it("treats times on the same Stockholm day as equal", () => {
    expect(stockholmDay("2022-09-06T22:30:00Z")).toBe(stockholmDay("2022-09-07T20:00:00Z"));
    expect(stockholmDay("2022-09-06T21:30:00Z")).not.toBe(stockholmDay("2022-09-06T22:30:00Z"));
  });
});

describe("kindLabel", () => {
  it("labels story and organisation kinds in Swedish", () => {
    expect(kindLabel("NEWS")).toBe("Nyhet");
    expect(kindLabel("INTERVIEW")).toBe("Intervju");
    expect(kindLabel("MUNICIPALITY")).toBe("Kommun");
    expect(kindLabel("COMPANY")).toBe("Bolag");
  });

  it("falls back to the raw kind for unknown values", () => {
    expect(kindLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });
});

describe("publicationDates", () => {
  it("shows only the publication when the story was never changed afterwards", () => {
    expect(publicationDates("2026-12-02T13:05:00Z", null)).toEqual({ published: "2 december 2026", updated: null });
    // Saved again within the same minute: a reader would see the same time twice.
    expect(publicationDates("2026-12-02T13:05:00Z", "2026-12-02T13:05:40Z")).toEqual({ published: "2 december 2026", updated: null });
  });

  it("adds the time of day in Swedish time when both fall on the same day", () => {
    expect(publicationDates("2026-12-02T13:05:00Z", "2026-12-02T15:30:00Z")).toEqual({
      published: "2 december 2026 kl. 14.05",
      updated: "2 december 2026 kl. 16.30",
    });
    // The same Stockholm day, though UTC says two days: 23.10 and 00.20 are not.
    expect(publicationDates("2022-09-06T22:10:00Z", "2022-09-07T06:00:00Z").published).toBe("7 september 2022 kl. 00.10");
  });

  it("keeps dates alone when the update came on a later day", () => {
    expect(publicationDates("2026-12-02T13:05:00Z", "2026-12-03T08:00:00Z")).toEqual({ published: "2 december 2026", updated: "3 december 2026" });
  });
});

describe("formatDateWithTime", () => {
  it("writes hours with two digits and a full stop", () => {
    expect(formatDateWithTime("2026-06-01T07:03:00Z")).toBe("1 juni 2026 kl. 09.03");
  });
});

describe("creditText", () => {
  it("puts Foto: before a bare name", () => {
    expect(creditText("Anna Andersson")).toBe("Foto: Anna Andersson");
  });

  it("keeps a credit that already says what it is", () => {
    expect(creditText("Illustration: Näringslivsnytt")).toBe("Illustration: Näringslivsnytt");
    expect(creditText("Foto: Anna Andersson")).toBe("Foto: Anna Andersson");
  });
});

describe("cutAtWord", () => {
  it("keeps text that fits, and folds its white space", () => {
    expect(cutAtWord("Kort  text\n om Lerum", 160)).toBe("Kort text om Lerum");
  });

  it("cuts at the last whole word within the limit, with an ellipsis", () => {
    const lead = "Lerums kommun öppnar ett nytt företagscenter vid stationen, där nystartade företag får rådgivning, kontorsplatser och hjälp med tillstånd under sina första två år i kommunen.";
    const cut = cutAtWord(lead, 160);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut).toMatch(/första två…$/);
    expect(lead.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it("cuts a word without spaces hard rather than leaving it too long", () => {
    expect(cutAtWord("Näringslivsutvecklingsstrategiarbetsgruppsmöte", 20)).toBe("Näringslivsutveckli…");
  });
});
