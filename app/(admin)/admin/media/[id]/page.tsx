import Image from "next/image";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Time } from "@/components/ui/time";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getMediaWithUsage, isInUse, type MediaUsage } from "@/lib/db/media-library";
import { requireActor } from "@/lib/newsroom/actor";
import { MissingAlt } from "../missing-alt";
import { DeleteMediaForm } from "./delete-media-form";
import { MediaEditForm } from "./media-edit-form";

// /admin/media/<id>: one image — preview, its texts (alt text required before use), where it
// is used, and deletion once nothing uses it. Staff who may not edit it see it read-only.

export const metadata: Metadata = { title: "Bild" };

const STATUS_LABELS: Record<string, string> = { DRAFT: "utkast", IN_REVIEW: "granskas", SCHEDULED: "schemalagd", PUBLISHED: "publicerad", ARCHIVED: "arkiverad" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MediaPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const media = await getMediaWithUsage(db(), id);
  if (!media) notFound();
  const query = await searchParams;
  const subject = { uploadedById: media.uploadedById };
  const canEdit = can(actor, "media.edit", subject);
  const canDelete = can(actor, "media.delete", subject);
  const notice = query.uppladdad === "1" ? "Bilden är uppladdad." : query.fanns === "1" ? "Bilden fanns redan i biblioteket, så den befintliga bilden visas här." : null;

  return (
    <>
      <p>
        <Link href="/admin/media">← Alla bilder</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold break-words">{media.originalName ?? "Namnlös bild"}</h1>
      {notice ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {notice}
        </p>
      ) : null}
      {media.alt === "" ? (
        <p className="mt-4 flex flex-wrap items-center gap-2">
          <MissingAlt /> Bilden kan inte användas förrän den har en alternativtext.
        </p>
      ) : null}

      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <figure>
          {/* unoptimized: the stored WebP as it is, not a re-encoding by the image optimiser */}
          <Image unoptimized src={media.src} width={media.width} height={media.height} alt={media.alt} className="h-auto max-w-full rounded border border-slate-200 bg-slate-50" />
          <figcaption className="mt-2 text-sm text-slate-700">Förhandsvisning</figcaption>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-semibold">Storlek</dt>
            <dd>
              {media.width} × {media.height} pixlar, {Math.max(1, Math.round(media.sizeBytes / 1024))} kB (WebP)
            </dd>
            <dt className="font-semibold">Mindre versioner</dt>
            <dd>{media.variants.length ? media.variants.map((v) => `${v.width} px`).join(", ") : "Inga, bilden är redan liten"}</dd>
            <dt className="font-semibold">Uppladdad</dt>
            <dd>
              <Time iso={media.createdAt} />
              {media.uploadedBy ? ` av ${media.uploadedBy}` : null}
            </dd>
          </dl>
        </figure>

        <section aria-labelledby="texter">
          <h2 id="texter" className="text-xl font-bold">
            Texter till bilden
          </h2>
          {canEdit ? (
            <MediaEditForm id={media.id} alt={media.alt} caption={media.caption} credit={media.credit} />
          ) : (
            <>
              <p className="mt-2 text-slate-700">Du kan ändra bilder som du själv har laddat upp. Be en redaktör om hjälp med den här.</p>
              <dl className="mt-4 grid gap-2">
                <dt className="font-semibold">Alternativtext</dt>
                <dd>{media.alt || <MissingAlt />}</dd>
                <dt className="font-semibold">Bildtext</dt>
                <dd>{media.caption ?? "–"}</dd>
                <dt className="font-semibold">Fotograf eller källa</dt>
                <dd>{media.credit ?? "–"}</dd>
              </dl>
            </>
          )}
        </section>
      </div>

      <section aria-labelledby="anvands-i" className="mt-10">
        <h2 id="anvands-i" className="text-xl font-bold">
          Används i
        </h2>
        <Usage usage={media.usage} actor={actor} />
      </section>

      {canDelete ? (
        <section aria-labelledby="ta-bort" className="mt-10 rounded border border-red-200 p-4">
          <h2 id="ta-bort" className="text-xl font-bold">
            Ta bort bilden
          </h2>
          <p className="mt-2 text-slate-700">
            {isInUse(media.usage) ? "Bilden används och kan inte tas bort förrän den är borttagen eller utbytt överallt där den används." : "Bilden används inte någonstans. Den tas bort för gott."}
          </p>
          <DeleteMediaForm id={media.id} />
        </section>
      ) : null}
    </>
  );
}

/** Stories the actor may not open are not linked, and unpublished ones not named: a draft's title is not theirs to read. */
function Usage({ usage, actor }: { usage: MediaUsage; actor: Actor }) {
  if (!isInUse(usage)) return <p className="mt-2">Bilden används inte någonstans ännu.</p>;
  return (
    <ul className="mt-2 list-disc space-y-1 pl-6">
      {usage.stories.map((s) => (
        <li key={s.id}>
          Artikel:{" "}
          {can(actor, "story.view", { story: s.access }) ? <Link href={`/admin/artiklar/${s.id}`}>{s.title}</Link> : s.published ? s.title : "en artikel som du inte har tillgång till"} (
          {[STATUS_LABELS[s.status] ?? s.status, s.inTrash ? "i papperskorgen" : "", s.asHero ? "huvudbild" : "", s.inBody ? "i brödtexten" : ""].filter(Boolean).join(", ")})
        </li>
      ))}
      {usage.people.map((p) => (
        <li key={p.id}>
          Porträtt: <Link href={`/admin/personer/${p.id}`}>{p.name}</Link>
        </li>
      ))}
      {usage.networks.map((n) => (
        <li key={n.id}>
          Nätverk: <Link href={`/admin/natverk/${n.id}`}>{n.name}</Link>
        </li>
      ))}
    </ul>
  );
}
