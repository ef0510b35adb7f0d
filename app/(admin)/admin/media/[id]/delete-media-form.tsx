"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form";
import { emptyFormState } from "@/lib/validation/form";
import { deleteMediaAction } from "../actions";

// Deleting an image. The server refuses while the image is in use and says where.

export function DeleteMediaForm({ id }: { id: string }) {
  const [state, action] = useActionState(deleteMediaAction, emptyFormState);
  return (
    <form action={action} className="mt-3 grid gap-3">
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <div>
        <SubmitButton variant="danger" pendingLabel="Tar bort …">
          Ta bort bilden
        </SubmitButton>
      </div>
    </form>
  );
}
