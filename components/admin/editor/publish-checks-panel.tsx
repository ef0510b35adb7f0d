"use client";

import type { Editor } from "@tiptap/react";
import type { Node as PmNode } from "@tiptap/pm/model";
import { TextField } from "@/components/admin/form";
import { OVERRIDE_REASON_MAX, OVERRIDE_REASON_MIN, type PublishCheck } from "@/lib/validation/publish-checks";

// The accessibility check (tillgänglighetskontroll) in the publishing panel: what
// publishChecks finds in the story as it is typed, each finding with a button that takes the
// editor to the place to fix it. Errors block publishing; an editor may publish anyway with a
// reason, which the server audits.

/** The document position of the block at `path` (child indices from the document down), or null. */
export function positionOf(doc: PmNode, path: readonly number[]): number | null {
  let node = doc;
  let pos = 0;
  for (const [depth, index] of path.entries()) {
    if (index >= node.childCount) return null;
    for (let i = 0; i < index; i++) pos += node.child(i).nodeSize;
    node = node.child(index);
    if (depth < path.length - 1) pos += 1; // into the block's content
  }
  return pos;
}

/** Moves focus to what a finding is about: the block in the body text, or the field. */
export function showCheck(check: PublishCheck, editor: Editor | null): void {
  if (check.field === "body" && check.path && editor) {
    const pos = positionOf(editor.state.doc, check.path);
    if (pos !== null) {
      const node = editor.state.doc.nodeAt(pos);
      const chain = editor.chain().focus();
      (node?.isTextblock ? chain.setTextSelection(pos + 1) : chain.setNodeSelection(pos)).scrollIntoView().run();
      editor.view.dom.closest("[id]")?.scrollIntoView({ block: "center" });
      return;
    }
  }
  const target = document.getElementById(`falt-${check.field}`);
  target?.focus();
  target?.scrollIntoView({ block: "center" });
}

const LEVEL_LABEL = { error: "Fel", warning: "Varning" } as const;

function summary(checks: PublishCheck[]): string {
  const errors = checks.filter((c) => c.level === "error").length;
  const warnings = checks.length - errors;
  if (!checks.length) return "Inga problem hittades.";
  const parts = [errors ? `${errors} fel` : null, warnings ? `${warnings} ${warnings === 1 ? "varning" : "varningar"}` : null].filter(Boolean);
  return `${parts.join(" och ")}.${errors ? " Fel stoppar publiceringen." : ""}`;
}

type Props = {
  checks: PublishCheck[];
  editor: Editor | null;
  /** Offered to those who may publish, while there are errors. */
  override: { reason: string; setReason: (v: string) => void; error?: string } | null;
};

export function PublishChecksPanel({ checks, editor, override }: Props) {
  return (
    <section aria-labelledby="kontroll-rubrik" className="rounded border border-slate-300 p-3">
      <h3 id="kontroll-rubrik" className="font-bold">
        Tillgänglighetskontroll
      </h3>
      <p className="mt-1 text-sm" aria-live="polite">
        {summary(checks)}
      </p>
      {checks.length ? (
        <ul className="mt-2 space-y-3">
          {checks.map((check) => (
            <li key={check.id} className={`border-l-4 pl-2 text-sm ${check.level === "error" ? "border-red-700" : "border-amber-600"}`}>
              <p>
                <strong className={check.level === "error" ? "text-red-800" : "text-amber-900"}>{LEVEL_LABEL[check.level]}:</strong> {check.message}
              </p>
              <p className="text-slate-700">{check.fix}</p>
              <button type="button" className="mt-1 font-semibold text-brand-700 underline" onClick={() => showCheck(check, editor)}>
                Visa<span className="sr-only"> var: {check.message}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {override ? (
        <div className="mt-3">
          <TextField
            name="overrideReason"
            label="Publicera ändå: motivering"
            value={override.reason}
            onValueChange={override.setReason}
            error={override.error}
            rows={2}
            hint={`Fyll i om artikeln måste ut trots felen (${OVERRIDE_REASON_MIN}–${OVERRIDE_REASON_MAX} tecken). Motiveringen sparas i loggen.`}
          />
        </div>
      ) : null}
    </section>
  );
}
