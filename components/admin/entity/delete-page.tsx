import Link from "next/link";
import type { ReactNode } from "react";
import type { FormState } from "@/lib/validation/form";
import { DeleteForm } from "./delete-form";

// The confirmation page of a deletion: what will be removed, what else it affects, and the
// button that actually deletes. Nothing is deleted by following a link.

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function DeletePage(props: { title: string; consequences: ReactNode[]; blocked?: string; action: Action; id: string; confirmLabel: string; cancelHref: string }) {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{props.title}</h1>
      {props.consequences.length && !props.blocked ? (
        <ul className="mt-4 list-disc space-y-1 pl-6">
          {props.consequences.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : null}
      {props.blocked ? (
        <>
          <p className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">{props.blocked}</p>
          <p className="mt-4">
            <Link href={props.cancelHref}>Tillbaka</Link>
          </p>
        </>
      ) : (
        <>
          <p className="mt-4">Borttagningen går inte att ångra.</p>
          <DeleteForm action={props.action} id={props.id} label={props.confirmLabel} cancelHref={props.cancelHref} />
        </>
      )}
    </div>
  );
}
