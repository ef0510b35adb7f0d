import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/admin/styles";
import { db } from "@/lib/db/client";
import { listOrganisationChoices } from "@/lib/db/entities/organisations";
import { getImportJob, PROGRESS_EVERY_MS } from "@/lib/db/import-jobs";
import { env } from "@/lib/env";
import { requirePermission } from "@/lib/newsroom/actor";
import { importErrorMessage } from "./import-errors";
import { ImportProgress } from "./import-progress";

export const metadata: Metadata = { title: "Import och export" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const control = "mt-1 w-full rounded border border-slate-500 px-3 py-2 aria-[invalid=true]:border-red-700";

function OrganisationOptions({ organisations }: { organisations: { id: string; name: string }[] }) {
  return organisations.map((o) => (
    <option key={o.id} value={o.id}>
      {o.name}
    </option>
  ));
}

// The newsroom's WordPress import (decision 026) and the site export, for administrators: an
// upload form posting to the route handler ./ladda-upp, the running job's progress polled from
// ./jobb/<id>, and at the end the same Swedish report as `npm run import:wordpress`.
export default async function ImportPage({ searchParams }: Props) {
  const actor = await requirePermission("wordpress.import");
  const params = await searchParams;
  const organisations = await listOrganisationChoices(db());
  const job = one(params.jobb) ? await getImportJob(db(), actor, one(params.jobb)!) : null;
  const error = importErrorMessage(one(params.fel), env().IMPORT_MAX_MB);
  // A refused upload comes back with its choices; a job's page offers the same choices again.
  const chosenOrganisation = one(params.organisation) ?? job?.organisationId ?? "";
  const chosenMode = one(params.lage) ?? (job && !job.dryRun ? "import" : "prov");
  const organisationError = one(params.fel) === "organisation";
  const fileError = error && !organisationError;
  return (
    <>
      <h1 className="text-3xl font-bold">Import och export</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Flytta in en webbplats från WordPress: artiklar, sidor, ämnen, bilder, kommentarer och gamla adresser. Kör först en provkörning, som visar vad som skulle hända utan att spara något. En ny import
        av samma fil uppdaterar det som importerades förra gången och lägger aldrig till något två gånger.
      </p>

      {one(params.jobb) && !job ? (
        <p role="alert" className="mt-6 rounded border-2 border-red-700 p-4 font-semibold text-red-800">
          Importen finns inte. Välj filen och starta igen.
        </p>
      ) : null}
      {job ? <ImportProgress initial={job} pollMs={PROGRESS_EVERY_MS} organisationId={job.organisationId} /> : null}

      <section aria-labelledby="importera" className="mt-8">
        <h2 id="importera" className="text-2xl font-bold">
          Importera från WordPress
        </h2>
        <form id="importformular" method="post" action="/admin/import/ladda-upp" encType="multipart/form-data" className="mt-4 max-w-xl space-y-5" aria-describedby={error ? "import-fel" : undefined}>
          {error ? (
            <p id="import-fel" role="alert" className="rounded border-2 border-red-700 p-3 font-semibold text-red-800">
              {error}
            </p>
          ) : null}
          <div>
            <label htmlFor="falt-wxr" className="block font-semibold">
              WordPress-export (WXR) <span className="font-normal text-slate-700">(obligatoriskt)</span>
            </label>
            <p id="falt-wxr-hjalp" className="mt-1 text-sm text-slate-700">
              Filen från WordPress under Verktyg → Exportera → Allt innehåll, en .xml-fil på högst {env().IMPORT_MAX_MB} MB.
            </p>
            <input id="falt-wxr" name="wxr" type="file" accept=".xml,text/xml,application/xml,application/rss+xml" required aria-invalid={fileError ? true : undefined} aria-describedby="falt-wxr-hjalp" className={control} />
          </div>
          <div>
            <label htmlFor="falt-media" className="block font-semibold">
              Bilder (zip-fil, valfritt)
            </label>
            <p id="falt-media-hjalp" className="mt-1 text-sm text-slate-700">
              Mappen wp-content/uploads packad som zip. Utan den räknas bilderna bara i rapporten.
            </p>
            <input id="falt-media" name="media" type="file" accept=".zip,application/zip" aria-describedby="falt-media-hjalp" className={control} />
          </div>
          <div>
            <label htmlFor="falt-organisation" className="block font-semibold">
              Organisation <span className="font-normal text-slate-700">(obligatoriskt)</span>
            </label>
            <select
              id="falt-organisation"
              name="organisationId"
              defaultValue={organisations.some((o) => o.id === chosenOrganisation) ? chosenOrganisation : ""}
              required
              aria-invalid={organisationError || undefined}
              aria-describedby={organisationError ? "import-fel" : undefined}
              className={control}
            >
              <option value="">Välj organisation</option>
              <OrganisationOptions organisations={organisations} />
            </select>
          </div>
          <fieldset>
            <legend className="font-semibold">Vad ska hända?</legend>
            <div className="mt-2 space-y-2">
              <label className="flex items-start gap-2">
                <input type="radio" name="lage" value="prov" defaultChecked={chosenMode !== "import"} className="mt-1" />
                <span>Provkör (dry run): visa vad som skulle hända, spara ingenting</span>
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" name="lage" value="import" defaultChecked={chosenMode === "import"} className="mt-1" />
                <span>Importera: spara artiklar, sidor, bilder och kommentarer</span>
              </label>
            </div>
          </fieldset>
          <button type="submit" className={buttonClass("primary")}>
            Ladda upp och starta
          </button>
        </form>
      </section>

      <section aria-labelledby="exportera" className="mt-10">
        <h2 id="exportera" className="text-2xl font-bold">
          Exportera webbplatsen
        </h2>
        <p className="mt-2 max-w-3xl text-slate-700">
          Allt innehåll, eller en organisations artiklar, med bilderna. JSON-formatet beskrivs i dokumentationen; WordPress-exporten (WXR) kan läsas in i WordPress eller här igen.
        </p>
        <form method="post" action="/admin/import/export" className="mt-4 max-w-xl space-y-4">
          <div>
            <label htmlFor="falt-export-organisation" className="block font-semibold">
              Vad ska exporteras?
            </label>
            <select id="falt-export-organisation" name="organisationId" defaultValue="" className={control}>
              <option value="">Hela webbplatsen</option>
              <OrganisationOptions organisations={organisations} />
            </select>
          </div>
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="format" value="json" className={buttonClass("secondary")}>
              Ladda ned som JSON (zip)
            </button>
            <button type="submit" name="format" value="wxr" className={buttonClass("secondary")}>
              Ladda ned som WordPress-export (WXR, zip)
            </button>
          </div>
        </form>
        <p className="mt-4 text-sm text-slate-700">
          Varje import och export förs in i <Link href="/admin/logg">loggen</Link>.
        </p>
      </section>
    </>
  );
}
