import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, parseTrustedProxies } from "./client-address.mjs";

const none = parseTrustedProxies(undefined);
const nginx = parseTrustedProxies("127.0.0.1, ::1");
const chain = parseTrustedProxies("127.0.0.1 10.0.0.0/8 2001:db8::/32");

describe("the client's address", () => {
  it("is the socket's address when no proxy is trusted, whatever the request says", () => {
    expect(clientAddress("198.51.100.4", "203.0.113.7", none)).toBe("198.51.100.4");
    expect(clientAddress("127.0.0.1", "203.0.113.7, 10.0.0.1", none)).toBe("127.0.0.1");
  });

  it("is the forwarded address when the socket is a trusted proxy", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.7", nginx)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:127.0.0.1", "203.0.113.7", nginx)).toBe("203.0.113.7");
    expect(clientAddress("::1", "2001:DB8::7", nginx)).toBe("2001:db8::7");
  });

  it("never believes what a client wrote left of the last untrusted hop", () => {
    // The client sent "X-Forwarded-For: 192.0.2.66" and nginx appended its real address.
    expect(clientAddress("127.0.0.1", "192.0.2.66, 203.0.113.7", nginx)).toBe("203.0.113.7");
    // Through a load balancer (10.x) and nginx: skip both, stop at the first address we do not trust.
    expect(clientAddress("127.0.0.1", "192.0.2.66, 203.0.113.7, 10.1.2.3", chain)).toBe("203.0.113.7");
    // Two header lines count as one list.
    expect(clientAddress("127.0.0.1", ["192.0.2.66", "203.0.113.7"], nginx)).toBe("203.0.113.7");
  });

  it("stops at garbage in the chain instead of reading past it", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.7, not-an-address", nginx)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "203.0.113.7, <script>, 10.0.0.9", chain)).toBe("10.0.0.9");
  });

  it("is the socket's when a trusted proxy sends no header, and unknown without a socket address", () => {
    expect(clientAddress("127.0.0.1", undefined, nginx)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "", nginx)).toBe("127.0.0.1");
    expect(clientAddress(undefined, "203.0.113.7", nginx)).toBe("unknown");
  });

  it("is the leftmost hop when every hop is one of ours", () => {
    expect(clientAddress("127.0.0.1", "10.0.0.5, 10.0.0.6", chain)).toBe("10.0.0.5");
  });

  it("accepts addresses with ports and brackets as proxies write them", () => {
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("192.0.2.1:51234")).toBe("192.0.2.1");
    expect(normaliseAddress("999.1.1.1")).toBeNull();
    expect(normaliseAddress("unknown")).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  it("takes addresses and ranges, separated by commas or spaces", () => {
    expect(parseTrustedProxies("127.0.0.1, 10.0.0.0/8 ::1 2001:db8::/32").size).toBe(4);
    expect(parseTrustedProxies("").size).toBe(0);
  });

  it("names the first bad entry", () => {
    expect(() => parseTrustedProxies("127.0.0.1, nginx")).toThrow('"nginx" is not an IP address or a CIDR range such as 10.0.0.0/8');
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow('"10.0.0.0/33"');
    expect(() => parseTrustedProxies("10.0.0.0/8/8")).toThrow('"10.0.0.0/8/8"');
    expect(() => parseTrustedProxies("::/129")).toThrow('"::/129"');
  });
});
