"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form";
import { emptyFormState } from "@/lib/validation/form";
import { storyWorkflowFormAction } from "../artiklar/actions";

export function RestoreButton({ id, title }: { id: string; title: string }) {
  const [state, action] = useActionState(storyWorkflowFormAction, emptyFormState);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="step" value="restoreFromTrash" />
      <SubmitButton variant="secondary" pendingLabel="Återställer …">
        Återställ<span className="sr-only"> ”{title}”</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
