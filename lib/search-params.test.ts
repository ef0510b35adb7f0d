import { describe, expect, it } from "vitest";
import { SEARCH_PARAM_KEYS } from "./search-keys";
import { parseSearchParams, searchQuery } from "./search-params";

describe("the search's parameters", () => {
  it("are all named in SEARCH_PARAM_KEYS, so each one makes /sok the search (next.config.ts)", () => {
    const read = new Set<string>();
    const raw = new Proxy({} as Record<string, string | undefined>, {
      get(_, key) {
        if (typeof key === "string") read.add(key);
        return undefined;
      },
    });
    parseSearchParams(raw);
    expect([...read].sort()).toEqual([...SEARCH_PARAM_KEYS].sort());
    const written = searchQuery(parseSearchParams({ q: "hamn", typ: "nyhet", kommun: "lerum", lan: "Västra Götaland", amne: "hamnar", natverk: "vast", ar: "2024", sortera: "senaste" }));
    for (const key of Object.keys(written)) expect(SEARCH_PARAM_KEYS).toContain(key);
  });
});
