"use client";

import { FormMessage, SelectField, TextField } from "@/components/admin/form";
import { FormActions } from "@/components/admin/entity/form-actions";
import { useEntityForm, type EntityAction } from "@/components/admin/entity/use-entity-form";

// Create and edit a person: name, title, organisation, a short bio and the address of their page.

export type PersonValues = { id?: string; name: string; title: string | null; organisationId: string | null; bio: string | null; slug: string };

export function PersonForm({ action, person, organisations, submitLabel }: { action: EntityAction; person?: PersonValues; organisations: { id: string; name: string }[]; submitLabel: string }) {
  const { state, formAction, text, error } = useEntityForm(action);
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-5">
      <FormMessage state={state} />
      {person?.id ? <input type="hidden" name="id" value={person.id} /> : null}
      <TextField name="name" label="Namn" required autoComplete="off" defaultValue={text("name", person?.name)} error={error("name")} />
      <TextField name="title" label="Titel" hint="Till exempel Näringslivschef." defaultValue={text("title", person?.title)} error={error("title")} />
      <SelectField
        name="organisationId"
        label="Organisation"
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        emptyLabel="Ingen organisation"
        defaultValue={text("organisationId", person?.organisationId)}
        error={error("organisationId")}
      />
      <TextField name="bio" label="Kort presentation" rows={5} defaultValue={text("bio", person?.bio)} error={error("bio")} />
      <TextField
        name="slug"
        label="Adress"
        hint="Sidan får adressen /personer/adress. Lämna tomt så skapas adressen av namnet."
        defaultValue={text("slug", person?.slug)}
        error={error("slug")}
      />
      <FormActions submitLabel={submitLabel} cancelHref="/admin/personer" />
    </form>
  );
}
