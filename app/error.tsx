"use client";

// A page that failed to render, usually because the database did not answer (server.mjs then
// sends it as a 503 with Retry-After). It reads nothing from the database itself.

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="innehall" tabIndex={-1} className="mx-auto max-w-2xl px-4 py-16 outline-none">
      <p className="text-lg font-bold">Näringslivsnytt</p>
      <h1 className="mt-6 text-3xl font-bold md:text-4xl">Sidan kan inte visas just nu</h1>
      <p className="mt-4 text-lg text-slate-700">
        Något gick fel hos oss när sidan skulle visas, oftast ett kort avbrott. Inget du gjorde orsakade det. Försök igen om en liten stund.
      </p>
      <div className="mt-8 flex flex-wrap items-center gap-6">
        <button type="button" onClick={() => reset()} className="rounded bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2">
          Försök igen
        </button>
        {/* A plain link on purpose: a full page load, not the client router, which may be what
            failed (the one place the site bypasses next/link). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Till startsidan</a>
      </div>
    </main>
  );
}
