import type { Metadata } from "next";
import Link from "next/link";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { listRevisions } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { loadStoryPage } from "../../story-guard";

export const metadata: Metadata = { title: "Versioner" };

const REASONS: Record<string, string> = {
  create: "Skapad",
  save: "Sparad",
  autosave: "Sparad automatiskt",
  restore: "Äldre version återställd",
  submit: "Skickad för granskning",
  return: "Tillbaka till skribenten",
  publish: "Publicerad",
  schedule: "Schemalagd",
  unpublish: "Avpublicerad",
  archive: "Arkiverad",
  "scheduled-publish": "Publicerad enligt schema",
  trash: "Flyttad till papperskorgen",
  untrash: "Återställd från papperskorgen",
  import: "Importerad från WordPress",
};

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, data: history } = await loadStoryPage(params, (actor, storyId) => listRevisions(db(), actor, storyId));
  return (
    <>
      <p>
        <Link href={`/admin/artiklar/${id}`}>‹ Tillbaka till artikeln</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Versioner av ”{history.title}”</h1>
      <p className="mt-2">Varje sparning sparar en version. Öppna en version för att se vad som ändrades och för att återställa den.</p>
      <table className={tableClass}>
        <caption className="sr-only">Versioner, nyaste först</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>När</th>
            <th scope="col" className={thClass}>Vem</th>
            <th scope="col" className={thClass}>Vad</th>
            <th scope="col" className={thClass}>Version</th>
          </tr>
        </thead>
        <tbody>
          {history.revisions.map((r) => (
            <tr key={r.id}>
              <td className={tdClass}>
                <Link href={`/admin/artiklar/${id}/historik/${r.id}`}>{formatDateTime(r.createdAt)}</Link>
              </td>
              <td className={tdClass}>{r.createdBy ?? "Systemet"}</td>
              <td className={tdClass}>{REASONS[r.reason] ?? r.reason}</td>
              <td className={tdClass}>{r.number}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
