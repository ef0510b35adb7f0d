import Link from "next/link";
import { buttonClass } from "@/components/admin/styles";

/**
 * Restoring is an edit (decision 009): the version is loaded into the editor as unsaved
 * changes, and a published story changes only when its editor saves it, with the same
 * minor/real-update choice as any edit.
 */
export function RestoreRevision({ storyId, revisionId, published }: { storyId: string; revisionId: string; published: boolean }) {
  return (
    <div className="mt-4">
      <Link href={`/admin/artiklar/${storyId}?version=${revisionId}`} className={buttonClass("primary")}>
        Läs in den här versionen i redigeraren
      </Link>
      <p className="mt-2 text-sm text-slate-700">
        Inget ändras förrän du sparar i redigeraren.{published ? " Den publicerade sidan ändras först när du väljer ”Spara och publicera ändringarna”." : ""}
      </p>
    </div>
  );
}
