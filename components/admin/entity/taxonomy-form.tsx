"use client";

import { FormMessage, TextField } from "@/components/admin/form";
import { FormActions } from "./form-actions";
import { useEntityForm, type EntityAction } from "./use-entity-form";

// Create and edit a topic or a series: both have a name, a description and a page address.

export type TaxonomyValues = { id?: string; name: string; description: string | null; slug: string };

export function TaxonomyForm(props: { action: EntityAction; item?: TaxonomyValues; publicPrefix: string; listHref: string; submitLabel: string }) {
  const { state, formAction, text, error } = useEntityForm(props.action);
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-5">
      <FormMessage state={state} />
      {props.item?.id ? <input type="hidden" name="id" value={props.item.id} /> : null}
      <TextField name="name" label="Namn" required autoComplete="off" defaultValue={text("name", props.item?.name)} error={error("name")} />
      <TextField name="description" label="Beskrivning" rows={4} hint="Visas överst på sidan på webbplatsen." defaultValue={text("description", props.item?.description)} error={error("description")} />
      <TextField
        name="slug"
        label="Adress"
        hint={`Sidan får adressen ${props.publicPrefix}/adress. Lämna tomt så skapas adressen av namnet.`}
        defaultValue={text("slug", props.item?.slug)}
        error={error("slug")}
      />
      <FormActions submitLabel={props.submitLabel} cancelHref={props.listHref} />
    </form>
  );
}
