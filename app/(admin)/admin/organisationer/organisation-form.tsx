"use client";

import { FormMessage, SelectField, TextField } from "@/components/admin/form";
import { FormActions } from "@/components/admin/entity/form-actions";
import { useEntityForm, type EntityAction } from "@/components/admin/entity/use-entity-form";
import { kindLabel } from "@/lib/format";
import { ORGANISATION_KINDS } from "@/lib/validation/entities";

// Create and edit an organisation: a municipality, region, agency, association or company.

export type OrganisationValues = {
  id?: string;
  name: string;
  shortName: string | null;
  kind: string;
  county: string | null;
  municipalityCode: string | null;
  website: string | null;
  description: string | null;
  slug: string;
};

export function OrganisationForm({ action, organisation, submitLabel }: { action: EntityAction; organisation?: OrganisationValues; submitLabel: string }) {
  const { state, formAction, text, error } = useEntityForm(action);
  const o = organisation;
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-5">
      <FormMessage state={state} />
      {o?.id ? <input type="hidden" name="id" value={o.id} /> : null}
      <TextField name="name" label="Namn" required autoComplete="off" hint="Till exempel Lerums kommun." defaultValue={text("name", o?.name)} error={error("name")} />
      <TextField name="shortName" label="Kort namn" hint="Till exempel Lerum. Används i listor och på artiklar." defaultValue={text("shortName", o?.shortName)} error={error("shortName")} />
      <SelectField name="kind" label="Typ" required options={ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} defaultValue={text("kind", o?.kind ?? "MUNICIPALITY")} error={error("kind")} />
      <TextField name="county" label="Län" hint="Till exempel Västra Götalands län." defaultValue={text("county", o?.county)} error={error("county")} />
      <TextField name="municipalityCode" label="Kommunkod" hint="Fyra siffror, bara för kommuner. Till exempel 1441." defaultValue={text("municipalityCode", o?.municipalityCode)} error={error("municipalityCode")} />
      <TextField name="website" label="Webbplats" type="url" hint="Till exempel https://lerum.se" defaultValue={text("website", o?.website)} error={error("website")} />
      <TextField name="description" label="Beskrivning" rows={5} defaultValue={text("description", o?.description)} error={error("description")} />
      <TextField
        name="slug"
        label="Adress"
        hint="Kommuner får adressen /kommuner/adress, andra /organisationer/adress. Lämna tomt så skapas adressen av det korta namnet."
        defaultValue={text("slug", o?.slug)}
        error={error("slug")}
      />
      <FormActions submitLabel={submitLabel} cancelHref="/admin/organisationer" />
    </form>
  );
}
