import { describe, expect, it } from "vitest";
import { parsePageParam } from "./pagination";

describe("parsePageParam", () => {
  it("treats a missing ?sida= as page 1", () => {
    expect(parsePageParam(undefined)).toBe(1);
  });

  it.each([
    ["1", 1],
    ["2", 2],
    ["10000", 10000],
  ])("accepts %s", (value, page) => {
    expect(parsePageParam(value)).toBe(page);
  });

  it.each(["0", "-1", "abc", "1e3", "2.5", " 2", "2 ", "02", "+2", "0x10", "", "10001", "99999", "100000"])("rejects %j", (value) => {
    expect(parsePageParam(value)).toBeNull();
  });

  it("rejects a repeated parameter", () => {
    expect(parsePageParam(["2"])).toBeNull();
    expect(parsePageParam(["1", "2"])).toBeNull();
  });
});
