"use client";

import { TextField } from "@/components/admin/form";
import type { TaxonomyInput } from "@/lib/validation/entities";
import { EntityForm } from "./entity-form";
import { useEntityForm, type EntityAction } from "./use-entity-form";

// Create and edit a topic or a series: both have a name, a description and a page address.

export function TaxonomyForm(props: { action: EntityAction; item?: TaxonomyInput & { id: string }; publicPrefix: string; listHref: string; submitLabel: string }) {
  const form = useEntityForm(props.action);
  const { field } = form;
  return (
    <EntityForm
      form={form}
      item={props.item}
      slugHint={`Sidan får adressen ${props.publicPrefix}/adress. Lämna tomt så skapas adressen av namnet.`}
      submitLabel={props.submitLabel}
      cancelHref={props.listHref}
    >
      <TextField label="Namn" required autoComplete="off" {...field("name", props.item?.name)} />
      <TextField label="Beskrivning" rows={4} hint="Visas överst på sidan på webbplatsen." {...field("description", props.item?.description)} />
    </EntityForm>
  );
}
