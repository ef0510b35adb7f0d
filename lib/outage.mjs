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

/** The whole page a reader gets during an outage: self-contained, nothing from the database. */
export const OUTAGE_PAGE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Sidan kan inte visas just nu – Näringslivsnytt</title>
<style>body{font-family:system-ui,sans-serif;color:#0f172a;margin:0}main{max-width:40rem;margin:0 auto;padding:4rem 1rem}h1{font-size:2rem;margin:1.5rem 0 0}p{font-size:1.125rem;line-height:1.6;color:#334155}a{color:#0b3a5b}</style>
</head>
<body>
<main id="innehall">
<p><strong>Näringslivsnytt</strong></p>
<h1>Sidan kan inte visas just nu</h1>
<p>Vi har ett kort avbrott och kan inte hämta sidan. Inget du gjorde orsakade det. Försök igen om en liten stund.</p>
<p><a href="/">Till startsidan</a></p>
</main>
</body>
</html>
`;
