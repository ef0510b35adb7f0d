"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { alertContext, readerAlertCommands } from "@/lib/db/alert-readers";
import { clientAddressFrom } from "@/lib/request-client";
import type { FormState } from "@/lib/validation/form";
import type { ConfirmState } from "./confirm-state";

// The readers' alert actions. A reader has no session: the subscribe form is limited per client
// address and per e-mail address, and the confirm and manage actions are authorised by the
// token in the form (lib/db/alert-readers.ts checks it for the very record it touches).

const CHECK_YOUR_MAIL = "Kolla din e-post: vi har skickat en länk för att bekräfta.";

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
};

const ip = async () => clientAddressFrom(await headers());

export async function subscribeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { email: text(formData, "email"), frequency: text(formData, "frequency"), scope: text(formData, "scope"), targetId: text(formData, "targetId") };
  const input = { ...values, targetId: values.targetId || null };
  const result = await readerAlertCommands.requestSubscription(db(), input, { ip: await ip(), ctx: alertContext() });
  if (!result.ok) return { fieldErrors: result.fieldErrors, error: result.error ?? (result.fieldErrors?.scope ? result.fieldErrors.scope : undefined), values };
  return { ok: true, message: CHECK_YOUR_MAIL, values };
}

export async function confirmAction(_prev: ConfirmState, formData: FormData): Promise<ConfirmState> {
  return { done: await readerAlertCommands.confirm(db(), formData.get("token"), { ip: await ip() }) };
}

/** The manage page's forms: the manage token in the form is the authority. */
export async function changeFrequencyAction(formData: FormData): Promise<void> {
  const token = text(formData, "token");
  const result = await readerAlertCommands.changeFrequency(db(), token, { subscriptionId: text(formData, "subscriptionId"), frequency: text(formData, "frequency") }, { ip: await ip() });
  redirect(`/bevakning/${encodeURIComponent(token)}?${result.ok ? `klart=frekvens` : "fel=1"}`);
}

export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = text(formData, "token");
  const subscriptionId = text(formData, "subscriptionId") || undefined;
  const removed = await readerAlertCommands.unsubscribe(db(), token, subscriptionId, { ip: await ip() });
  redirect(`/bevakning/${encodeURIComponent(token)}?${removed ? "klart=avslutad" : "fel=1"}`);
}
