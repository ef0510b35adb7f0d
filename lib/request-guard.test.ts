import { describe, expect, it } from "vitest";
import { isServerActionPost, multipartBoundary, multipartFramed, pathDecodes, refusal } from "./request-guard.mjs";

const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers: { host: "naringslivsnytt.se", ...headers } });

describe("requests refused before Next", () => {
  it("answers methods the site does not serve with 405 and Allow", () => {
    for (const m of ["TRACE", "PUT", "DELETE", "PATCH", "CONNECT", "PROPFIND", "BREW"]) expect(refusal(req(m, "/robots.txt"))).toEqual({ status: 405, headers: { allow: "GET, HEAD, POST" } });
    expect(refusal(req("OPTIONS", "/"))).toEqual({ status: 204, headers: { allow: "GET, HEAD, POST" } });
    for (const m of ["GET", "HEAD", "POST"]) expect(refusal(req(m, "/nyheter"))).toBeNull();
  });

  it("answers a target that is not a path with 400", () => {
    expect(refusal(req("GET", "*"))).toEqual({ status: 400 });
    expect(refusal(req("GET", "http://example.com/"))).toEqual({ status: 400 });
    expect(refusal(req("GET", "//example.com/x"))).toEqual({ status: 400 });
  });

  it("sends paths that do not decode to the 404 page", () => {
    for (const p of ["/nyheter/%zz", "/nyheter/%C3", "/kommuner/a%", "/media/%zz", "/nyheter/%E2%82"]) expect(refusal(req("GET", p))).toEqual({ status: 404, notFoundPage: true });
    // Good escapes and a bad escape only in the query are Next's (and the page's) business.
    expect(refusal(req("GET", "/nyheter/f%C3%B6retag"))).toBeNull();
    expect(refusal(req("GET", "/sok?q=%zz"))).toBeNull();
    expect(pathDecodes("/a/%41/%e5%b1%b1")).toBe(true);
  });

  it("refuses a server action from another site with 403", () => {
    const action = { "next-action": "abc123", origin: "https://evil.example" };
    expect(refusal(req("POST", "/admin/artiklar/ny", action))).toEqual({ status: 403 });
    expect(refusal(req("POST", "/logga-in", { "content-type": "multipart/form-data; boundary=x", origin: "null" }))).toEqual({ status: 403 });
    // Same site, directly or behind nginx (X-Forwarded-Host), and no Origin at all: passed on.
    expect(refusal(req("POST", "/admin/artiklar/ny", { ...action, origin: "https://naringslivsnytt.se" }))).toBeNull();
    expect(refusal(req("POST", "/admin", { ...action, host: "127.0.0.1:3000", "x-forwarded-host": "naringslivsnytt.se", origin: "https://naringslivsnytt.se" }))).toBeNull();
    expect(refusal(req("POST", "/admin", { "next-action": "abc123" }))).toBeNull();
  });

  it("knows a server action from a route handler's POST", () => {
    expect(isServerActionPost("POST", "/api/auth/sign-in/email", { "content-type": "application/json" })).toBe(false);
    expect(isServerActionPost("POST", "/api/media", { "content-type": "multipart/form-data; boundary=x" })).toBe(false);
    expect(isServerActionPost("POST", "/logga-in", { "content-type": "application/x-www-form-urlencoded" })).toBe(true);
    expect(isServerActionPost("GET", "/logga-in", { "next-action": "x" })).toBe(false);
  });
});

describe("form bodies", () => {
  const framed = (body: string, whole = true) => multipartFramed("----x1", Buffer.from(body, "latin1"), whole);
  it("finds the boundary, quoted or not", () => {
    expect(multipartBoundary("multipart/form-data; boundary=----x1")).toBe("----x1");
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("multipart/form-data")).toBeNull();
    expect(multipartBoundary("application/json")).toBeNull();
  });

  it("accepts a body framed as its Content-Type says, and refuses garbage or a cut-off body", () => {
    const good = '------x1\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n------x1--\r\n';
    expect(framed(good)).toBe(true);
    expect(framed(`\r\n${good}`)).toBe(true);
    expect(framed(good.slice(0, 40), false)).toBe(true); // only the start has arrived yet
    expect(framed("garbage")).toBe(false);
    expect(framed('------x1\r\nContent-Disposition: form-data; name="a"\r\n\r\n1')).toBe(false);
    expect(framed("")).toBe(false);
  });
});
