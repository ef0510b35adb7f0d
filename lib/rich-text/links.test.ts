import { describe, expect, it } from "vitest";
import { safeHref } from "./links";

describe("safeHref", () => {
  it("allows web links", () => {
    expect(safeHref("https://example.se/sida?a=1&b=2")).toBe("https://example.se/sida?a=1&b=2");
    expect(safeHref("http://example.se/")).toBe("http://example.se/");
    expect(safeHref("  https://example.se/  ")).toBe("https://example.se/");
  });

  it("allows e-mail and phone links", () => {
    expect(safeHref("mailto:info@example.se")).toBe("mailto:info@example.se");
    expect(safeHref("tel:+46311234567")).toBe("tel:+46311234567");
  });

  it("allows paths on this site and anchors", () => {
    expect(safeHref("/natverk/forenkla-helt-enkelt")).toBe("/natverk/forenkla-helt-enkelt");
    expect(safeHref("/")).toBe("/");
    expect(safeHref("#fakta")).toBe("#fakta");
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "\njavascript:alert(1)",
    "\u00a0javascript:alert(1)",
    "\u200bjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "java\u0000script:alert(1)",
    "\u0001javascript:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "java&#x09;script:alert(1)",
    "javascript:/\\/%0aalert(1)",
  ])("refuses script URL %j", (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it.each([
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.se/fil",
  ])("refuses other schemes: %j", (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it.each(["//evil.com", "//evil.com/path", " //evil.com", "/\\evil.com", "\\\\evil.com", "\\/evil.com", "/\t/evil.com"])(
    "refuses protocol-relative or backslash tricks: %j",
    (href) => {
      expect(safeHref(href)).toBeNull();
    },
  );

  it("refuses empty and whitespace-only strings", () => {
    expect(safeHref("")).toBeNull();
    expect(safeHref("   ")).toBeNull();
  });

  it("refuses relative paths that are not site-absolute", () => {
    expect(safeHref("nyheter/x")).toBeNull();
  });

  it("refuses non-strings", () => {
    expect(safeHref(undefined)).toBeNull();
    expect(safeHref(null)).toBeNull();
    expect(safeHref(42 as unknown as string)).toBeNull();
    expect(safeHref({ toString: () => "https://example.se" } as unknown as string)).toBeNull();
  });
});
