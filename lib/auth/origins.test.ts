import type os from "node:os";
import { describe, expect, it } from "vitest";
import { isLocalSite, signInOrigins } from "./origins";

const iface = (address: string, family: "IPv4" | "IPv6", scopeid?: number) => ({ address, family, scopeid, netmask: "", mac: "", internal: false, cidr: null }) as os.NetworkInterfaceInfo;
const machine = { lo: [iface("127.0.0.1", "IPv4"), iface("::1", "IPv6", 0)], eth0: [iface("192.168.1.20", "IPv4"), iface("fe80::1", "IPv6", 2), iface("2001:db8::20", "IPv6", 0)] };

describe("sign-in origins", () => {
  it("are only SITE_URL in production", () => {
    expect(signInOrigins("https://naringslivsnytt.se", machine)).toEqual(["https://naringslivsnytt.se"]);
    expect(signInOrigins("http://intranat.lerum.se:8080", machine)).toEqual(["http://intranat.lerum.se:8080"]);
  });

  it("are every address of this machine on the same port in local mode", () => {
    const origins = signInOrigins("http://localhost:3000", machine);
    expect(origins[0]).toBe("http://localhost:3000");
    expect(origins).toEqual(expect.arrayContaining(["http://127.0.0.1:3000", "http://[::1]:3000", "http://192.168.1.20:3000", "http://[2001:db8::20]:3000"]));
    expect(origins).not.toContain("http://[fe80::1]:3000");
    expect(origins.some((o) => o.endsWith(":3001") || o.startsWith("https"))).toBe(false);
    expect(new Set(origins).size).toBe(origins.length);
  });

  it("knows local mode by an http loopback SITE_URL", () => {
    expect(isLocalSite("http://localhost:3000")).toBe(true);
    expect(isLocalSite("http://127.0.0.1:3200")).toBe(true);
    expect(isLocalSite("https://localhost:3000")).toBe(false);
    expect(isLocalSite("http://naringslivsnytt.se")).toBe(false);
  });
});
