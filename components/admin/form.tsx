"use client";

import { useFormStatus } from "react-dom";
import { useState, type ReactNode } from "react";
import type { FormState } from "@/lib/validation/form";
import { buttonClass } from "./styles";

// Form pieces for the newsroom. Every control has a visible label; an error is tied to its
// control with aria-describedby and aria-invalid, and the form's own message is announced.

const control = "mt-1 w-full rounded border border-slate-500 px-3 py-2 aria-[invalid=true]:border-red-700";

type Common = { name: string; label: string; error?: string; hint?: ReactNode; required?: boolean; id?: string };

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return [hint ? `${id}-hjalp` : "", error ? `${id}-fel` : ""].filter(Boolean).join(" ") || undefined;
}

function Messages({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hjalp`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-fel`} className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </>
  );
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id} className="block font-semibold">
      {label}
      {required ? <span className="font-normal text-slate-700"> (obligatoriskt)</span> : null}
    </label>
  );
}

/** Controlled use (the story editor): `value` with `onValueChange` instead of `defaultValue`. */
type Controlled<T> = { value?: T; onValueChange?: (value: T) => void };

export function TextField(props: Common & Controlled<string> & { defaultValue?: string; type?: string; autoComplete?: string; maxLength?: number; rows?: number; placeholder?: string; inputMode?: "numeric" }) {
  const id = props.id ?? `falt-${props.name}`;
  const controlled = props.value !== undefined;
  const shared = {
    id,
    name: props.name,
    ...(controlled ? { value: props.value, onChange: (e: { target: { value: string } }) => props.onValueChange?.(e.target.value) } : { defaultValue: props.defaultValue }),
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy(id, props.error, props.hint),
    "aria-required": props.required || undefined,
    className: control,
  };
  // Uncontrolled, a new value from the server (after a failed save) remounts the control with it.
  const key = controlled ? undefined : props.defaultValue;
  return (
    <div>
      <Label id={id} label={props.label} required={props.required} />
      {props.rows ? (
        <textarea key={key} {...shared} rows={props.rows} />
      ) : (
        <input key={key} {...shared} type={props.type ?? "text"} autoComplete={props.autoComplete} placeholder={props.placeholder} inputMode={props.inputMode} />
      )}
      <Messages id={id} error={props.error} hint={props.hint} />
    </div>
  );
}

export function SelectField(props: Common & Controlled<string> & { options: { value: string; label: string }[]; defaultValue?: string; emptyLabel?: string }) {
  const id = props.id ?? `falt-${props.name}`;
  const controlled = props.value !== undefined;
  return (
    <div>
      <Label id={id} label={props.label} required={props.required} />
      <select
        id={id}
        name={props.name}
        {...(controlled ? { value: props.value, onChange: (e: { target: { value: string } }) => props.onValueChange?.(e.target.value) } : { defaultValue: props.defaultValue, key: props.defaultValue })}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        className={control}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages id={id} error={props.error} hint={props.hint} />
    </div>
  );
}

/** One choice of a few, as radio buttons in a row (controlled). */
export function RadioGroup(props: { name: string; legend: string; options: { value: string; label: string }[]; value: string; onValueChange: (value: string) => void }) {
  return (
    <fieldset id={`falt-${props.name}`}>
      <legend className="font-semibold">{props.legend}</legend>
      <div className="mt-1 flex gap-6">
        {props.options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input type="radio" name={props.name} value={o.value} checked={props.value === o.value} onChange={() => props.onValueChange(o.value)} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Checkboxes for a list of choices; a long list (more than 8) gets a filter field, and the
 * ticked ones always stay in view. Uncontrolled with `defaultValues`, controlled with `values`.
 */
export function CheckboxGroup(props: { name: string; legend: string; options: { value: string; label: string }[]; defaultValues?: string[]; values?: string[]; onValuesChange?: (values: string[]) => void; error?: string; hint?: ReactNode }) {
  const id = `falt-${props.name}`;
  const [filter, setFilter] = useState("");
  const controlled = props.values !== undefined;
  const selected = new Set(props.values ?? props.defaultValues ?? []);
  const needle = filter.toLowerCase();
  const shown = controlled ? props.options.filter((o) => selected.has(o.value) || o.label.toLowerCase().includes(needle)) : props.options;
  return (
    <fieldset id={controlled ? id : undefined} aria-describedby={describedBy(id, props.error, props.hint)} aria-invalid={props.error ? true : undefined}>
      <legend className="font-semibold">{props.legend}</legend>
      {controlled && props.options.length > 8 ? (
        <>
          <label htmlFor={`${id}-filter`} className="sr-only">
            Filtrera: {props.legend}
          </label>
          <input id={`${id}-filter`} type="search" placeholder="Filtrera listan" value={filter} onChange={(e) => setFilter(e.target.value)} className="mt-1 w-full rounded border border-slate-400 px-2 py-1 text-sm" />
        </>
      ) : null}
      <div className={`mt-1 grid ${controlled ? "max-h-48" : "max-h-56"} grid-cols-1 gap-1 overflow-y-auto rounded border border-slate-300 p-2 sm:grid-cols-2`} key={controlled ? undefined : [...selected].join(",")}>
        {shown.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input
              type="checkbox"
              name={props.name}
              value={o.value}
              {...(controlled
                ? { checked: selected.has(o.value), onChange: (e: { target: { checked: boolean } }) => props.onValuesChange?.(e.target.checked ? [...props.values!, o.value] : props.values!.filter((v) => v !== o.value)) }
                : { defaultChecked: selected.has(o.value) })}
              className="size-4"
            />
            {o.label}
          </label>
        ))}
      </div>
      <Messages id={id} error={props.error} hint={props.hint} />
    </fieldset>
  );
}

/** The form's outcome: an alert on failure, a polite status on success. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite">
      {state.error ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.error}
        </p>
      ) : null}
      {state.message ? <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{state.message}</p> : null}
    </div>
  );
}

export function SubmitButton({ children, pendingLabel, name, value, variant = "primary" }: { children: ReactNode; pendingLabel?: string; name?: string; value?: string; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={buttonClass(variant)}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
