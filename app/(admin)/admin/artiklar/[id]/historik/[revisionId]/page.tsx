import type { Metadata } from "next";
import Link from "next/link";
import { FieldDiffList } from "@/components/admin/field-diff";
import { getRevisionPair, namesForFields } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { diffStories } from "@/lib/newsroom/story-diff";
import { loadStoryPage } from "../../../story-guard";
import { RestoreRevision } from "./restore-revision";

export const metadata: Metadata = { title: "Version" };

type Props = { params: Promise<{ id: string; revisionId: string }> };

export default async function RevisionPage({ params }: Props) {
  const { revisionId } = await params;
  const { id, data: pair } = await loadStoryPage(params, (actor, storyId) => getRevisionPair(db(), actor, storyId, revisionId));
  const names = Object.fromEntries(await namesForFields(db(), [pair.revision.fields, ...(pair.previous ? [pair.previous] : [])]));
  const diff = diffStories(pair.previous, pair.revision.fields, names);
  return (
    <>
      <p>
        <Link href={`/admin/artiklar/${id}/historik`}>‹ Alla versioner</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        Version {pair.revision.number} av ”{pair.title}”
      </h1>
      <p className="mt-2">
        Sparad {formatDateTime(pair.revision.createdAt)} av {pair.revision.createdBy ?? "systemet"}. {pair.previous ? "Ändringar mot versionen före:" : "Den första versionen:"}
      </p>
      {pair.canRestore ? <RestoreRevision storyId={id} revisionId={pair.revision.id} published={pair.published} /> : null}
      <div className="mt-6">
        <FieldDiffList diff={diff} />
      </div>
    </>
  );
}
