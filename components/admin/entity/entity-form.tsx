"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import type { EntityForm as EntityFormState } from "./use-entity-form";

// The frame of every entity form: the message after a save, the id of the item being edited,
// the entity's own fields, its page address, and the buttons at the foot.

export function EntityForm(props: {
  form: EntityFormState;
  /** The stored item when editing; nothing when creating. */
  item?: { id?: string; slug: string };
  /** Where the page will be, e.g. "Sidan får adressen /personer/adress. …". */
  slugHint: string;
  submitLabel: string;
  cancelHref: string;
  /** A long form (networks) gets a wider column and more room between fields. */
  wide?: boolean;
  children: ReactNode;
}) {
  const { form, item } = props;
  return (
    <form action={form.formAction} noValidate className={props.wide ? "mt-6 max-w-3xl space-y-6" : "mt-6 max-w-2xl space-y-5"}>
      <FormMessage state={form.state} />
      {item?.id ? <input type="hidden" name="id" value={item.id} /> : null}
      {props.children}
      <TextField label="Adress" hint={props.slugHint} {...form.field("slug", item?.slug)} />
      <div className="flex flex-wrap items-center gap-4 pt-2">
        <SubmitButton pendingLabel="Sparar …">{props.submitLabel}</SubmitButton>
        <Link href={props.cancelHref}>Tillbaka till listan</Link>
      </div>
    </form>
  );
}
