"use client";

import { SelectField, TextField } from "@/components/admin/form";
import { EntityForm } from "@/components/admin/entity/entity-form";
import { useEntityForm, type EntityAction } from "@/components/admin/entity/use-entity-form";
import type { PersonInput } from "@/lib/validation/entities";

// Create and edit a person: name, title, organisation, a short bio and the address of their page.

export function PersonForm({ action, person, organisations, submitLabel }: { action: EntityAction; person?: PersonInput & { id: string }; organisations: { id: string; name: string }[]; submitLabel: string }) {
  const form = useEntityForm(action);
  const { field } = form;
  return (
    <EntityForm form={form} item={person} slugHint="Sidan får adressen /personer/adress. Lämna tomt så skapas adressen av namnet." submitLabel={submitLabel} cancelHref="/admin/personer">
      <TextField label="Namn" required autoComplete="off" {...field("name", person?.name)} />
      <TextField label="Titel" hint="Till exempel Näringslivschef." {...field("title", person?.title)} />
      <SelectField label="Organisation" options={organisations.map((o) => ({ value: o.id, label: o.name }))} emptyLabel="Ingen organisation" {...field("organisationId", person?.organisationId)} />
      <TextField label="Kort presentation" rows={5} {...field("bio", person?.bio)} />
    </EntityForm>
  );
}
