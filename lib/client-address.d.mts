// Types for lib/client-address.mjs (plain JavaScript, loaded by server.mjs without a compiler).
import type { BlockList } from "node:net";

export const CLIENT_ADDRESS_HEADER: "x-nln-client-address";
export type TrustedProxies = { list: BlockList; size: number };
export function normaliseAddress(address: unknown): string | null;
export function parseTrustedProxies(value: string | undefined): TrustedProxies;
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, proxies: TrustedProxies): string;
