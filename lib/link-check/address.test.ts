import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./address";

describe("isPublicAddress", () => {
  it("refuses loopback, private, link-local, carrier NAT, metadata and reserved addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "not an address"]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
  it("allows public addresses", () => {
    for (const a of ["8.8.8.8", "193.10.1.1", "172.32.0.1", "2a00:1450:4001::1", "::ffff:8.8.8.8"]) expect(isPublicAddress(a), a).toBe(true);
  });
});
