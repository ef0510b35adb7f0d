import { describe, expect, it } from "vitest";
import { dateToStockholmLocal, stockholmLocalToDate } from "./stockholm-time";

describe("Stockholm wall-clock time", () => {
  it("reads winter time as UTC+1 and summer time as UTC+2", () => {
    expect(stockholmLocalToDate("2026-11-23T09:30")?.toISOString()).toBe("2026-11-23T08:30:00.000Z");
    expect(stockholmLocalToDate("2026-07-01T09:30")?.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(stockholmLocalToDate("2026-07-01T09:30:15")?.toISOString()).toBe("2026-07-01T07:30:15.000Z");
  });

  it("refuses malformed values and the hour skipped when summer time starts", () => {
    expect(stockholmLocalToDate("2026-11-23 09:30")).toBeNull();
    expect(stockholmLocalToDate("imorgon")).toBeNull();
    expect(stockholmLocalToDate("2026-03-29T02:30")).toBeNull();
  });

  it("round-trips through the datetime-local format", () => {
    for (const iso of ["2026-01-15T23:45:00.000Z", "2026-06-30T22:15:00.000Z", "2026-10-25T00:30:00.000Z"]) {
      // The last one is 02:30 in the hour repeated when summer time ends: its first occurrence.
      const local = dateToStockholmLocal(new Date(iso));
      expect(stockholmLocalToDate(local)?.toISOString()).toBe(iso);
    }
  });
});
