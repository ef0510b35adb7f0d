// Types for lib/outage.mjs (plain JavaScript, shared with server.mjs).
export const OUTAGE_WINDOW_MS: number;
export const RETRY_AFTER_SECONDS: number;
export function markDatabaseDown(now?: number): void;
export function databaseRecentlyDown(now?: number): boolean;
export const OUTAGE_PAGE: string;
