import { describe, expect, it } from "vitest";
import { formatDate, kindLabel, stockholmDay } from "./format";

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
