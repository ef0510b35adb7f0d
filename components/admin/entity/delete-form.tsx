"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form";
import { emptyFormState, type FormState } from "@/lib/validation/form";

// The second step of a deletion: the user has read what will happen and confirms. A refusal
// (the item is still in use) is shown here; on success the action redirects to the list.

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function DeleteForm({ action, id, label, cancelHref }: { action: Action; id: string; label: string; cancelHref: string }) {
  const [state, formAction] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="confirm" value="ja" />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton variant="danger" pendingLabel="Tar bort …">
          {label}
        </SubmitButton>
        <Link href={cancelHref}>Avbryt</Link>
      </div>
    </form>
  );
}
