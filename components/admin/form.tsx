"use client";

import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
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

export function TextField(props: Common & { defaultValue?: string; type?: string; autoComplete?: string; maxLength?: number; rows?: number; placeholder?: string }) {
  const id = props.id ?? `falt-${props.name}`;
  const shared = {
    id,
    name: props.name,
    defaultValue: props.defaultValue,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy(id, props.error, props.hint),
    "aria-required": props.required || undefined,
    className: control,
  };
  return (
    <div>
      <Label id={id} label={props.label} required={props.required} />
      {/* A new value from the server (after a failed save) remounts the control with it. */}
      {props.rows ? (
        <textarea key={props.defaultValue} {...shared} rows={props.rows} />
      ) : (
        <input key={props.defaultValue} {...shared} type={props.type ?? "text"} autoComplete={props.autoComplete} placeholder={props.placeholder} />
      )}
      <Messages id={id} error={props.error} hint={props.hint} />
    </div>
  );
}

export function SelectField(props: Common & { options: { value: string; label: string }[]; defaultValue?: string; emptyLabel?: string }) {
  const id = props.id ?? `falt-${props.name}`;
  return (
    <div>
      <Label id={id} label={props.label} required={props.required} />
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        key={props.defaultValue}
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

export function CheckboxGroup(props: { name: string; legend: string; options: { value: string; label: string }[]; defaultValues?: string[]; error?: string; hint?: ReactNode }) {
  const id = `falt-${props.name}`;
  const selected = new Set(props.defaultValues ?? []);
  return (
    <fieldset aria-describedby={describedBy(id, props.error, props.hint)} aria-invalid={props.error ? true : undefined}>
      <legend className="font-semibold">{props.legend}</legend>
      <div className="mt-1 grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded border border-slate-300 p-2 sm:grid-cols-2" key={[...selected].join(",")}>
        {props.options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input type="checkbox" name={props.name} value={o.value} defaultChecked={selected.has(o.value)} className="size-4" />
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
