"use client";

import { useState, useSyncExternalStore } from "react";

/** Copies the page address. Rendered only once JavaScript runs, since it needs the clipboard. */
export function CopyLinkButton({ url }: { url: string }) {
  // false on the server and during hydration, true once the browser shows a clipboard.
  const ready = useSyncExternalStore(noSubscription, () => !!navigator.clipboard, () => false);
  const [status, setStatus] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Länken är kopierad.");
    } catch {
      setStatus("Det gick inte att kopiera. Markera adressen i adressfältet och kopiera den.");
    }
  }

  return (
    <>
      {ready ? (
        <button
          type="button"
          onClick={copy}
          className="rounded border border-brand-700 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50"
        >
          Kopiera länk
        </button>
      ) : null}
      <span role="status" className="text-sm text-slate-700">
        {status}
      </span>
    </>
  );
}

const noSubscription = () => () => {};
