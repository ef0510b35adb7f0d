import { CLIENT_ADDRESS_HEADER } from "./client-address.mjs";

/**
 * The client's address, as server.mjs decided it from the socket and TRUSTED_PROXIES
 * (lib/client-address.mjs, decision 016). Sign-in limits, the audit log and every other
 * per-address rule read this and nothing else: a client-sent X-Forwarded-For is never
 * believed here. "unknown" when the request did not come through server.mjs (`next dev`),
 * which puts all such requests in one bucket: stricter, never laxer.
 */
export function clientAddressFrom(headers: Headers | undefined): string {
  return headers?.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
