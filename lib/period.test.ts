import { describe, expect, it } from "vitest";
import { parsePeriod, periodLabel, periodRange, stockholmMidnight } from "./period";

describe("archive periods", () => {
  it("starts a Swedish day at local midnight, in winter and in summer time", () => {
    expect(stockholmMidnight(2022, 1).toISOString()).toBe("2021-12-31T23:00:00.000Z");
    expect(stockholmMidnight(2022, 9).toISOString()).toBe("2022-08-31T22:00:00.000Z");
  });

  it("covers a month or a year, ending where the next begins", () => {
    expect(periodRange({ year: 2022, month: 12 })).toEqual({ gte: new Date("2022-11-30T23:00:00Z"), lt: new Date("2022-12-31T23:00:00Z") });
    expect(periodRange({ year: 2022 })).toEqual({ gte: new Date("2021-12-31T23:00:00Z"), lt: new Date("2022-12-31T23:00:00Z") });
  });

  it("reads ?ar= and ?manad= strictly", () => {
    expect(parsePeriod(undefined, undefined)).toBeUndefined();
    expect(parsePeriod("2022", undefined)).toEqual({ year: 2022 });
    expect(parsePeriod("2022", "09")).toEqual({ year: 2022, month: 9 });
    for (const [ar, manad] of [["22", undefined], ["abc", undefined], ["2022", "13"], ["2022", "0"], [undefined, "5"], [["2022", "2023"], undefined]] as const) {
      expect(parsePeriod(ar as never, manad)).toBeNull();
    }
  });

  it("names a period in Swedish", () => {
    expect(periodLabel({ year: 2022, month: 9 })).toBe("september 2022");
    expect(periodLabel({ year: 2021 })).toBe("2021");
  });
});
