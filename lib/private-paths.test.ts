import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { config as proxyConfig } from "@/proxy";
import { NOT_A_STORED_PAGE, PRIVATE_AREAS, PRIVATE_PATH, PRIVATE_SOURCE, PUBLIC_SOURCE, PER_REQUEST_AREAS, PER_REQUEST_PATH, STAFF_PATH } from "./private-paths.mjs";

const PRIVATE = ["/admin", "/admin/", "/admin/artiklar/ny", "/api/halsa", "/api/intern/schemalaggare", "/logga-in", "/glomt-losenord", "/nytt-losenord/abc", "/bevakning", "/bevakning/bekrafta/abc", "/bevakning/abc"];
const PUBLIC = ["/", "/nyheter", "/nyheter/en-artikel", "/administration", "/apier", "/kommuner/lerum", "/logga-inte", "/sok", "/feed.xml", "/bevakningar"];
const ASSETS = ["/_next/static/chunks/a.js", "/media/abc.webp", "/media"];

// Next compiles next.config's header sources with this very module (it ships no types).
const { pathToRegexp } = createRequire(import.meta.url)("next/dist/compiled/path-to-regexp") as {
  pathToRegexp: (source: string, keys: unknown[], options: { strict: boolean; sensitive: boolean; delimiter: string }) => RegExp;
};

function compiled(source: string): RegExp {
  return pathToRegexp(source, [], { strict: true, sensitive: false, delimiter: "/" })
}

describe("the private areas", () => {
  it("are told apart from public pages and assets by every rule", () => {
    for (const path of PRIVATE) {
      expect(PRIVATE_PATH.test(path), path).toBe(true);
      expect(NOT_A_STORED_PAGE.test(path), path).toBe(true);
    }
    for (const path of PUBLIC) {
      expect(PRIVATE_PATH.test(path), path).toBe(false);
      expect(NOT_A_STORED_PAGE.test(path), path).toBe(false);
      expect(STAFF_PATH.test(path), path).toBe(false);
    }
    for (const path of ASSETS) {
      expect(NOT_A_STORED_PAGE.test(path), path).toBe(true);
      expect(PRIVATE_PATH.test(path), path).toBe(false);
    }
    expect(STAFF_PATH.test("/api/halsa")).toBe(false);
    expect(STAFF_PATH.test("/logga-in")).toBe(true);
    expect(STAFF_PATH.test("/bevakning/abc")).toBe(false);
    expect(PER_REQUEST_PATH.test("/bevakning/abc")).toBe(true);
    expect(PER_REQUEST_PATH.test("/api/halsa")).toBe(false);
  });

  it("give next.config's header sources the same split", () => {
    const privateSource = compiled(PRIVATE_SOURCE);
    const publicSource = compiled(PUBLIC_SOURCE);
    for (const path of PRIVATE.filter((p) => p !== "/admin/")) {
      expect(privateSource.test(path), path).toBe(true);
      expect(publicSource.test(path), path).toBe(false);
    }
    for (const path of PUBLIC.filter((p) => p !== "/")) {
      expect(publicSource.test(path), path).toBe(true);
      expect(privateSource.test(path), path).toBe(false);
    }
    for (const path of ASSETS) expect(publicSource.test(path), path).toBe(false);
  });

  it("are the areas the shipped nginx config passes by its cache", () => {
    const conf = readFileSync("deploy/nginx/naringslivsnytt.conf", "utf8");
    const location = conf.match(/^\s*location ~ (\^\/\(\?:[^)]*\)\(\?:\/\|\$\)) \{/m)?.[1];
    if (!location) throw new Error("no private location in deploy/nginx/naringslivsnytt.conf");
    const nginx = new RegExp(location);
    for (const path of [...PRIVATE, ...PUBLIC, ...ASSETS]) expect(nginx.test(path), path).toBe(PRIVATE_PATH.test(path));
    const areas = (location.slice("^/(?:".length).split(")")[0] ?? "").split("|");
    expect(areas.toSorted()).toEqual(PRIVATE_AREAS.toSorted());
  });

  it("in the per-request areas all pass through proxy.ts (a matcher must be a literal)", () => {
    const sources = proxyConfig.matcher.map((m) => (typeof m === "string" ? m : m.source));
    for (const area of PER_REQUEST_AREAS) expect(sources).toContain(`/${area}/:path*`);
    expect(PRIVATE_AREAS).toEqual([...PER_REQUEST_AREAS, "api"]);
  });
});
