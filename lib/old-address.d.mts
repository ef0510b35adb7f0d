// Types for lib/old-address.mjs (plain JavaScript, shared with server.mjs).
export const OLD_ADDRESS_SEGMENT: string;
export const SLASHED: string;
export const ID_QUERIES: string[];
export function oldAddressKey(segments: string[]): string | null;
export function oldAddressKeyOfUrl(link: string): string | null;
export function idKey(name: string, id: string): string;
export function oldAddressRewrite(method: string | undefined, url: string): string | null;
export function oldAddressRequest(segments: string[]): { key: string; otherwise: string } | null;
