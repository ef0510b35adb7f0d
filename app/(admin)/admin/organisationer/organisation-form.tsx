"use client";

import { SelectField, TextField } from "@/components/admin/form";
import { EntityForm } from "@/components/admin/entity/entity-form";
import { useEntityForm, type EntityAction } from "@/components/admin/entity/use-entity-form";
import { kindLabel } from "@/lib/format";
import { ORGANISATION_KINDS, type OrganisationInput } from "@/lib/validation/entities";

// Create and edit an organisation: a municipality, region, agency, association or company.

const SLUG_HINT = "Kommuner får adressen /kommuner/adress, andra /organisationer/adress. Lämna tomt så skapas adressen av det korta namnet.";

export function OrganisationForm({ action, organisation: o, submitLabel }: { action: EntityAction; organisation?: OrganisationInput & { id: string }; submitLabel: string }) {
  const form = useEntityForm(action);
  const { field } = form;
  return (
    <EntityForm form={form} item={o} slugHint={SLUG_HINT} submitLabel={submitLabel} cancelHref="/admin/organisationer">
      <TextField label="Namn" required autoComplete="off" hint="Till exempel Lerums kommun." {...field("name", o?.name)} />
      <TextField label="Kort namn" hint="Till exempel Lerum. Används i listor och på artiklar." {...field("shortName", o?.shortName)} />
      <SelectField label="Typ" required options={ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} {...field("kind", o?.kind ?? "MUNICIPALITY")} />
      <TextField label="Län" hint="Till exempel Västra Götalands län." {...field("county", o?.county)} />
      <TextField label="Kommunkod" hint="Fyra siffror, bara för kommuner. Till exempel 1441." {...field("municipalityCode", o?.municipalityCode)} />
      <TextField label="Webbplats" type="url" hint="Till exempel https://lerum.se" {...field("website", o?.website)} />
      <TextField label="Beskrivning" rows={5} {...field("description", o?.description)} />
    </EntityForm>
  );
}
