"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import { ALT_MAX } from "@/lib/validation/media";
import { emptyFormState, valueOf } from "@/lib/validation/form";
import { updateMediaAction } from "../actions";

// Alt text, caption and credit of one image. A refused save keeps every typed word.

type Props = { id: string; alt: string; caption: string | null; credit: string | null };

export function MediaEditForm({ id, alt, caption, credit }: Props) {
  const [state, action] = useActionState(updateMediaAction, emptyFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="mt-4 grid gap-4">
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <TextField
        name="alt"
        label="Alternativtext"
        required
        rows={2}
        defaultValue={valueOf(state.values, "alt", alt)}
        error={errors.alt}
        hint={`Beskriv vad bilden visar, så att den som inte ser bilden får samma information. Högst ${ALT_MAX} tecken. Skriv inte ”Bild av”.`}
      />
      <TextField name="caption" label="Bildtext" rows={3} defaultValue={valueOf(state.values, "caption", caption ?? "")} error={errors.caption} hint="Visas under bilden." />
      <TextField name="credit" label="Fotograf eller källa" defaultValue={valueOf(state.values, "credit", credit ?? "")} error={errors.credit} placeholder="Förnamn Efternamn" hint="Visas efter bildtexten med ”Foto:” före, om du inte själv börjar med till exempel ”Illustration:”." />
      <div>
        <SubmitButton pendingLabel="Sparar …">Spara</SubmitButton>
      </div>
    </form>
  );
}
