import { describe, expect, it } from "vitest";
import { oldAddressKeyOfUrl, oldAddressRequest, oldAddressRewrite } from "./old-address.mjs";

describe("old addresses of an imported site", () => {
  it("keys a permalink one way however it was encoded or slashed", () => {
    expect(oldAddressKeyOfUrl("https://gamla.lerum.se/2021/05/ny-saluhall/")).toBe("/2021/05/ny-saluhall");
    expect(oldAddressKeyOfUrl("https://gamla.lerum.se/2021/05/köp-lokalt/?utm=x")).toBe("/2021/05/k%C3%B6p-lokalt");
    expect(oldAddressKeyOfUrl("https://gamla.lerum.se/2021/05/k%c3%b6p-lokalt")).toBe("/2021/05/k%C3%B6p-lokalt");
    expect(oldAddressKeyOfUrl("https://gamla.lerum.se/?p=123")).toBe("/?p=123");
    expect(oldAddressKeyOfUrl("https://gamla.lerum.se/?page_id=7&x=1")).toBe("/?page_id=7");
    for (const bad of ["https://gamla.lerum.se/", "https://gamla.lerum.se/?p=abc", "inte en adress", "https://x.se/%zz/"]) expect(oldAddressKeyOfUrl(bad)).toBeNull();
  });

  it("hands slashed paths and /?p=ID to the old-address route, and nothing else", () => {
    expect(oldAddressRewrite("GET", "/2021/05/ny-saluhall/")).toBe("/gammal-adress/snedstreck/2021/05/ny-saluhall");
    expect(oldAddressRewrite("HEAD", "/nyheter/")).toBe("/gammal-adress/snedstreck/nyheter");
    expect(oldAddressRewrite("GET", "/?p=123")).toBe("/gammal-adress/p/123");
    expect(oldAddressRewrite("GET", "/?page_id=7")).toBe("/gammal-adress/page_id/7");
    for (const url of ["/", "/nyheter", "/?p=abc", "/?p=1&p=2", "/?s=saluhall", "/admin/", "/api/x/", "/media/a/", "/x/?utm=1", "//evil.example/"]) expect(oldAddressRewrite("GET", url)).toBeNull();
    expect(oldAddressRewrite("POST", "/2021/05/ny-saluhall/")).toBeNull();
  });

  it("reads the route's segments back into a key and where to go without one", () => {
    expect(oldAddressRequest(["snedstreck", "2021", "05", "köp"])).toEqual({ key: "/2021/05/k%C3%B6p", otherwise: "/2021/05/k%C3%B6p" });
    expect(oldAddressRequest(["snedstreck", "2021", "05", "k%c3%b6p"])).toEqual({ key: "/2021/05/k%C3%B6p", otherwise: "/2021/05/k%C3%B6p" });
    expect(oldAddressRequest(["snedstreck", "nyheter"])).toEqual({ key: "/nyheter", otherwise: "/nyheter" });
    expect(oldAddressRequest(["p", "123"])).toEqual({ key: "/?p=123", otherwise: "/" });
    for (const bad of [["p", "x"], ["något"], ["snedstreck"], ["snedstreck", "%zz"], ["snedstreck", "\uD800"]]) expect(oldAddressRequest(bad)).toBeNull();
  });
});
