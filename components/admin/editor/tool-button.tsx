"use client";

import type { ReactNode } from "react";

/** A toolbar button: keeps the editor's selection on mouse down, shows its state in aria-pressed. */
export function Tool({ pressed, disabled, onClick, shortcut, children }: { pressed?: boolean; disabled?: boolean; onClick: () => void; shortcut?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed === undefined ? undefined : pressed}
      aria-keyshortcuts={shortcut?.replace("Ctrl", "Control")}
      title={shortcut}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className="rounded border border-transparent px-2 py-1 text-sm hover:border-slate-400 disabled:text-slate-500 disabled:hover:border-transparent aria-pressed:bg-brand-800 aria-pressed:text-white"
    >
      {children}
    </button>
  );
}
