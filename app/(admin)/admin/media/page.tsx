import Image from "next/image";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListFilters, listQuery } from "@/components/admin/list-filters";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Pagination } from "@/components/layout/pagination";
import { Time } from "@/components/ui/time";
import { db } from "@/lib/db/client";
import { listMedia } from "@/lib/db/media-library";
import { env } from "@/lib/env";
import { requireActor } from "@/lib/newsroom/actor";
import { parsePageParam } from "@/lib/pagination";
import { fieldErrorsOf } from "@/lib/validation/form";
import { isUploadErrorCode, mediaTextSchema, uploadErrorMessage } from "@/lib/validation/media";
import { MissingAlt } from "./missing-alt";
import { UploadForm } from "./upload-form";

// /admin/media: the media library. Upload (works without JavaScript: a refused upload comes
// back here with ?fel=<code> and the typed texts), and every image with its alt text status.

export const metadata: Metadata = { title: "Bilder" };

const PAGE_SIZE = 25;
type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

function uploadState(params: Params, maxMb: number) {
  const values = { alt: one(params.alt), caption: one(params.caption), credit: one(params.credit) };
  const code = one(params.fel);
  if (!isUploadErrorCode(code)) return { values };
  // The texts were refused: the same schema as the command names the field and the fault.
  const parsed = code === "ogiltig" ? mediaTextSchema.safeParse(values) : null;
  return { values, code, error: uploadErrorMessage(code, maxMb), fieldErrors: parsed && !parsed.success ? fieldErrorsOf(parsed.error) : {} };
}

export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireActor();
  const params = await searchParams;
  const page = parsePageParam(params.sida);
  if (page === null) notFound();
  const q = one(params.q).trim().slice(0, 200);
  const missingAlt = one(params.visa) === "saknar-alt";
  const { items, total, pageCount } = await listMedia(db(), { q, missingAlt, page, pageSize: PAGE_SIZE });
  if (page > pageCount) notFound();
  const maxMb = env().MEDIA_MAX_MB;
  const upload = uploadState(params, maxMb);

  return (
    <>
      <h1 className="text-3xl font-bold">Bilder</h1>
      <p className="mt-2 max-w-3xl text-slate-700">Bilder som laddas upp här kan användas i artiklar, som porträtt och i nätverk. En bild måste ha en alternativtext innan den kan användas.</p>
      {one(params.borttagen) === "1" ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          Bilden är borttagen.
        </p>
      ) : null}

      <section aria-labelledby="ladda-upp" className="mt-8 rounded border border-slate-200 p-4">
        <h2 id="ladda-upp" className="text-xl font-bold">
          Ladda upp en bild
        </h2>
        <UploadForm key={upload.code ?? "ny"} maxMb={maxMb} values={upload.values} error={upload.error} fieldErrors={upload.fieldErrors} />
      </section>

      <h2 className="mt-10 text-xl font-bold">Bildbiblioteket</h2>
      <ListFilters
        path="/admin/media"
        q={q}
        searchLabel="Sök på alt-text, bildtext eller filnamn"
        selects={[{ name: "visa", label: "Visa", options: [{ value: "saknar-alt", label: "Bara bilder utan alternativtext" }], value: missingAlt ? "saknar-alt" : "" }]}
      />
      <p className="mt-4 text-slate-700">
        {total === 0 ? "Inga bilder matchar." : `${total} ${total === 1 ? "bild" : "bilder"}.`}
      </p>
      {items.length > 0 ? (
        <table className={tableClass}>
          <caption className="sr-only">Bilder i biblioteket, de senast uppladdade först</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>
                Bild
              </th>
              <th scope="col" className={thClass}>
                Alternativtext
              </th>
              <th scope="col" className={thClass}>
                Fil
              </th>
              <th scope="col" className={thClass}>
                Storlek
              </th>
              <th scope="col" className={thClass}>
                Uppladdad
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td className={tdClass}>
                  {/* unoptimized: the thumbnail is already a small WebP variant */}
                  <Image unoptimized src={m.thumb.src} width={m.thumb.width} height={m.thumb.height} alt={m.alt} className="h-auto w-32 rounded border border-slate-200 bg-slate-50" />
                </td>
                <td className={tdClass}>{m.alt ? m.alt : <MissingAlt />}</td>
                <td className={tdClass}>
                  <Link href={`/admin/media/${m.id}`} className="font-semibold">
                    {m.originalName ?? "Namnlös bild"}
                  </Link>
                  {m.caption ? <p className="mt-1 text-slate-700">{m.caption}</p> : null}
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  {m.width} × {m.height}
                </td>
                <td className={tdClass}>
                  <Time iso={m.createdAt} />
                  {m.uploadedBy ? <span className="block text-slate-700">{m.uploadedBy}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination path="/admin/media" page={page} pageCount={pageCount} query={listQuery(params, ["q", "visa"])} />
    </>
  );
}
