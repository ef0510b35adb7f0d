// Shared by the app (instrumentation.ts onRequestError) and server.mjs, through globalThis: when
// did a request last fail because the database did not answer? server.mjs then sends an error
// page as 503 with Retry-After instead of 500 (decision 017). Plain JavaScript for server.mjs.

const state = (globalThis.__nlnOutage ??= { databaseDownAt: 0 });
export const OUTAGE_WINDOW_MS = 30_000;
export const RETRY_AFTER_SECONDS = 30;

export function markDatabaseDown(now = Date.now()) {
  state.databaseDownAt = now;
}

export function databaseRecentlyDown(now = Date.now()) {
  return now - state.databaseDownAt < OUTAGE_WINDOW_MS;
}
