"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ImportJobView } from "@/lib/db/import-jobs";

// A running import's progress, polled from /admin/import/jobb/<id>, in a polite live region; at
// the end the report's lines (the same as the CLI prints) and a link to the imported stories.
// Without JavaScript the page shows the state it was rendered with and a link to look again.

export function ImportProgress({ initial, pollMs, organisationId }: { initial: ImportJobView; pollMs: number; organisationId: string | null }) {
  const [job, setJob] = useState(initial);
  const [lost, setLost] = useState(false);
  const running = job.status === "running";

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/admin/import/jobb/${initial.id}`, { cache: "no-store", headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const next = (await res.json()) as ImportJobView;
        if (!stopped) {
          setLost(false);
          setJob(next);
        }
      } catch {
        if (!stopped) setLost(true);
      }
    }, pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [running, initial.id, pollMs]);

  const what = job.dryRun ? "Provkörningen" : "Importen";
  const status =
    job.status === "running"
      ? `${what} av ${job.fileName} pågår: ${job.total ? `${job.done} av ${job.total} inlägg och sidor` : "filen läses"}.`
      : job.status === "done"
        ? `${what} av ${job.fileName} är klar.`
        : `${what} av ${job.fileName} misslyckades.`;
  return (
    <section aria-labelledby="pagaende" className="mt-8 rounded border border-slate-300 p-4">
      <h2 id="pagaende" className="text-2xl font-bold">
        {job.dryRun ? "Provkörning" : "Import"}
      </h2>
      <p role="status" aria-live="polite" className="mt-2 font-semibold">
        {status}
      </p>
      {running ? (
        <>
          <progress className="mt-2 w-full max-w-xl" max={job.total || 1} value={job.total ? job.done : undefined} aria-label="Hur långt importen har kommit" />
          <p className="mt-2 text-sm text-slate-700">
            Sidan uppdateras av sig själv. Du kan lämna den; importen fortsätter på servern. <a href={`/admin/import?jobb=${job.id}`}>Visa läget nu</a>
            {lost ? " (servern svarar inte just nu; försöker igen)" : ""}
          </p>
        </>
      ) : null}
      {job.error ? <p className="mt-2 font-semibold text-red-800">{job.error}</p> : null}
      {job.lines.length ? (
        <>
          <h3 className="mt-4 text-xl font-bold">Rapport</h3>
          <ul className="mt-2 space-y-1">
            {job.lines.map((line, i) => (
              <li key={i} className={line.startsWith("  ") ? "ml-6 whitespace-pre-wrap" : "whitespace-pre-wrap"}>
                {line.trim()}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {job.status === "done" && !job.dryRun && organisationId ? (
        <p className="mt-4">
          <Link href={`/admin/artiklar?organisation=${organisationId}`}>Visa de importerade artiklarna</Link>
        </p>
      ) : null}
      {job.status === "done" && job.dryRun ? <p className="mt-4">Ser rapporten rätt ut? Välj filen igen nedan, välj Importera och starta.</p> : null}
    </section>
  );
}
