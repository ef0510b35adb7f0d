"use client";

import { CheckboxGroup, SelectField, TextField } from "@/components/admin/form";
import { EntityForm } from "@/components/admin/entity/entity-form";
import { useEntityForm, type EntityAction } from "@/components/admin/entity/use-entity-form";
import { kindLabel } from "@/lib/format";
import { NETWORK_KINDS, type NetworkFormValues } from "@/lib/validation/entities";
import { valuesOf, type FormState } from "@/lib/validation/form";

// Create and edit a network, programme or project. The body is plain text with light
// Markdown; goals are one per line; meetings are rows, with an empty row for a new one.

type Choice = { id: string; name: string };
type Meeting = NetworkFormValues["meetings"][number];

type Props = { action: EntityAction; network?: NetworkFormValues & { id: string }; organisations: Choice[]; topics: Choice[]; people: Choice[]; submitLabel: string };

const BODY_HINT = "Lämna en tom rad mellan stycken. Skriv ## före en mellanrubrik, - före punkter i en lista, **ord** för fetstil och [text](https://adress) för en länk.";
const GOALS_HINT = 'Ett mål per rad. Skriv ett målvärde efter ett lodstreck, till exempel "Fler nya företag | 100 per år".';

export function NetworkForm({ action, network, organisations, topics, people, submitLabel }: Props) {
  const form = useEntityForm(action);
  const { field, checkboxes, error } = form;
  const options = (choices: Choice[]) => choices.map((c) => ({ value: c.id, label: c.name }));
  const stored = network?.meetings ?? [];
  const meetings = meetingRows(form.state.values, stored);
  return (
    <EntityForm form={form} item={network} slugHint="Sidan får adressen /natverk/adress. Lämna tomt så skapas adressen av namnet." submitLabel={submitLabel} cancelHref="/admin/natverk" wide>
      <TextField label="Namn" required autoComplete="off" {...field("name", network?.name)} />
      <SelectField label="Typ" required options={NETWORK_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} {...field("kind", network?.kind ?? "NETWORK")} />
      <TextField label="Sammanfattning" required rows={3} hint="Visas i listor och överst på sidan. Högst 600 tecken." {...field("summary", network?.summary)} />
      <TextField label="Text" rows={16} hint={BODY_HINT} {...field("body", network?.body)} />
      <SelectField label="Ägare" required emptyLabel="Välj organisation" options={options(organisations)} {...field("ownerId", network?.ownerId)} />
      <CheckboxGroup legend="Medlemmar" options={options(organisations)} {...checkboxes("memberIds", network?.memberIds ?? [])} />
      <CheckboxGroup legend="Ämnen" options={options(topics)} {...checkboxes("topicIds", network?.topicIds ?? [])} />
      <SelectField label="Samordnare" emptyLabel="Ingen samordnare" options={options(people)} {...field("coordinatorId", network?.coordinatorId)} />
      <TextField label="Extern webbplats" type="url" hint="Till exempel https://goteborgsregionen.se" {...field("externalUrl", network?.externalUrl)} />
      <TextField label="Mål" rows={5} hint={GOALS_HINT} {...field("goals", network?.goals)} />
      <fieldset>
        <legend className="text-lg font-bold">Möten</legend>
        <p className="text-sm text-slate-700">Datum och tid anges i svensk tid. Fyll i den tomma raden för att lägga till ett möte.</p>
        {meetings.map((m, i) => (
          <fieldset key={i} className="mt-3 space-y-3 rounded border border-slate-300 p-3">
            <legend className="px-1 font-semibold">{i < stored.length ? `Möte ${i + 1}` : "Nytt möte"}</legend>
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField id={`falt-meetings-${i}-startsAt`} name="meetingStartsAt" label="Datum och tid" type="datetime-local" defaultValue={m.startsAt} error={error(`meetings.${i}.startsAt`)} />
              <TextField id={`falt-meetings-${i}-title`} name="meetingTitle" label="Vad" defaultValue={m.title} error={error(`meetings.${i}.title`)} />
              <TextField id={`falt-meetings-${i}-place`} name="meetingPlace" label="Plats" defaultValue={m.place} error={error(`meetings.${i}.place`)} />
            </div>
            {i < stored.length ? (
              <label className="flex items-center gap-2">
                <input type="checkbox" name="meetingRemove" value={String(i)} defaultChecked={m.remove} className="size-4" />
                Ta bort mötet
              </label>
            ) : null}
          </fieldset>
        ))}
      </fieldset>
    </EntityForm>
  );
}

/** The stored meetings plus an empty row, or after a failed save the rows as they were typed. */
function meetingRows(values: FormState["values"], stored: Meeting[]): (Meeting & { remove: boolean })[] {
  const rows = values
    ? (() => {
        const [s, t, p, r] = ["meetingStartsAt", "meetingTitle", "meetingPlace", "meetingRemove"].map((n) => valuesOf(values, n)) as [string[], string[], string[], string[]];
        const count = Math.max(s.length, t.length, p.length);
        return Array.from({ length: count }, (_, i) => ({ startsAt: s[i] ?? "", title: t[i] ?? "", place: p[i] ?? "", remove: r.includes(String(i)) }));
      })()
    : stored.map((m) => ({ ...m, remove: false }));
  while (rows.length < stored.length + 1) rows.push({ startsAt: "", title: "", place: "", remove: false });
  return rows;
}
