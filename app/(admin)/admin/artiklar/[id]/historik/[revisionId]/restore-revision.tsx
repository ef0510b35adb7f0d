"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/admin/styles";
import { restoreRevisionAction } from "../../../actions";

/** Puts this version back as the story's current text (a new version, so it can be undone). */
export function RestoreRevision({ storyId, revisionId, version }: { storyId: string; revisionId: string; version: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    if (!window.confirm("Återställa den här versionen? Den nuvarande texten finns kvar som en egen version.")) return;
    setBusy(true);
    const res = await restoreRevisionAction({ storyId, revisionId, version });
    setBusy(false);
    if (res.ok) router.push(`/admin/artiklar/${storyId}`);
    else setMessage(res.error ?? "Versionen kunde inte återställas.");
  };
  return (
    <div className="mt-4">
      <button type="button" className={buttonClass("primary")} disabled={busy} onClick={restore}>
        Återställ den här versionen
      </button>
      <p role="alert" className="mt-2 font-semibold text-red-800">
        {message}
      </p>
    </div>
  );
}
