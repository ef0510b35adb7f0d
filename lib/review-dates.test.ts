import { describe, expect, it } from "vitest";
import { addMonths, formatCalendarDate, isCalendarDate, todayInStockholm } from "./review-dates";

describe("review dates", () => {
  it("accepts real days only", () => {
    expect(isCalendarDate("2027-06-30")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2027-13-01")).toBe(false);
    expect(isCalendarDate("2027-6-30")).toBe(false);
    expect(isCalendarDate("30/6 2027")).toBe(false);
    expect(isCalendarDate("1899-01-01")).toBe(false);
  });

  it("adds months, keeping the day or taking the month's last", () => {
    expect(addMonths("2026-12-03", 12)).toBe("2027-12-03");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-11-15", 2)).toBe("2027-01-15");
  });

  it("reads today in Stockholm, not in UTC", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(todayInStockholm(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayInStockholm(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
    expect(todayInStockholm(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
  });

  it("writes a date the Swedish way", () => {
    expect(formatCalendarDate("2027-06-30")).toBe("30 juni 2027");
  });
});
