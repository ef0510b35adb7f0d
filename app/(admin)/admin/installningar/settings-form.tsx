"use client";

import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import { useEntityForm, type EntityAction } from "@/components/admin/entity/use-entity-form";
import type { SettingsInput } from "@/lib/validation/entities";

// The site's name, description and the organisation details in its footer.

export function SettingsForm({ action, settings }: { action: EntityAction; settings: SettingsInput }) {
  const form = useEntityForm(action);
  const { state, formAction } = form;
  const field = (name: keyof SettingsInput, label: string, extra: { required?: boolean; rows?: number; hint?: string; type?: string } = {}) => (
    <TextField label={label} {...extra} {...form.field(name, settings[name])} />
  );
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-5">
      <FormMessage state={state} />
      <fieldset className="space-y-5">
        <legend className="text-xl font-bold">Webbplatsen</legend>
        {field("siteName", "Webbplatsens namn", { required: true })}
        {field("tagline", "Slogan", { hint: "En kort rad under namnet." })}
        {field("description", "Beskrivning", { rows: 3, hint: "Används av sökmotorer och när sidor delas." })}
      </fieldset>
      <fieldset className="space-y-5">
        <legend className="text-xl font-bold">Sidfoten</legend>
        {field("footerOrganisation", "Organisation", { required: true, hint: "Den som står bakom webbplatsen." })}
        {field("address", "Adress", { rows: 3 })}
        {field("phone", "Telefon", { type: "tel" })}
        {field("email", "E-post", { type: "email" })}
        {field("informationOwner", "Informationsägare")}
        {field("webmaster", "Webbredaktör")}
      </fieldset>
      <SubmitButton pendingLabel="Sparar …">Spara inställningarna</SubmitButton>
    </form>
  );
}
