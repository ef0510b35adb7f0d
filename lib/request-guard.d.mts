// Types for lib/request-guard.mjs (plain JavaScript, loaded by server.mjs without a compiler).
type Headers = Record<string, string | string[] | undefined>;
export type Refusal = { status: number; headers?: Record<string, string>; notFoundPage?: boolean };
export const ALLOWED_METHODS: string[];
export function pathDecodes(path: string): boolean;
export function isServerActionPost(method: string, path: string, headers: Headers): boolean;
export function refusal(req: { method?: string; url?: string; headers: Headers }): Refusal | null;
export const REFUSAL_TEXT: Record<number, string>;
export function multipartBoundary(contentType: string | undefined): string | null;
export function multipartFramed(boundary: string, head: Buffer, whole: boolean): boolean;
