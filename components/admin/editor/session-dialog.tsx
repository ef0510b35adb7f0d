"use client";

import { useEffect, useRef } from "react";
import { buttonClass } from "@/components/admin/styles";

// Shown when a save finds the session gone (it expired, or the user signed out elsewhere). The
// editor stays as it is, text and all: sign in again in a new tab, come back, save again.

type Props = { open: boolean; onRetry: () => void; onClose: () => void };

export function SessionExpiredDialog({ open, onRetry, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} aria-labelledby="utloggad-rubrik" aria-describedby="utloggad-text" onClose={onClose} className="m-auto w-full max-w-lg rounded p-6 backdrop:bg-black/50">
      <h2 id="utloggad-rubrik" className="text-xl font-bold">
        Du har blivit utloggad
      </h2>
      <p id="utloggad-text" className="mt-2">
        Inget av det du skrivit har försvunnit, men det är inte sparat. Logga in igen i en ny flik, kom tillbaka hit och välj ”Spara igen”.
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <a href="/logga-in" target="_blank" rel="noopener" data-ignore-unsaved className={buttonClass("secondary")}>
          Logga in i en ny flik
        </a>
        <button type="button" className={buttonClass("primary")} onClick={onRetry}>
          Spara igen
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={() => ref.current?.close()}>
          Stäng
        </button>
      </div>
    </dialog>
  );
}
