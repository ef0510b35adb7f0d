"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { reviewCommands } from "@/lib/db/review-dates";
import { clientIp } from "@/lib/newsroom/actor";
import { runAction, type ActionState } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() });
  redirect("/logga-in");
}

type ReviewState = ActionState<{ reviewBy: string | null }>;

/**
 * The review date form beside a story or network: "Spara datumet" sets the typed date,
 * "Markera som granskad" moves it twelve months on. No page refresh: the story editor on the
 * same page keeps its own unsaved state, and the form shows the new date from the answer.
 */
export async function reviewDateAction(_prev: FormState, formData: FormData): Promise<ReviewState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const command = values.intent === "granskad" ? reviewCommands.markReviewed : reviewCommands.setReviewDate;
  return runAction((actor) => command(db(), actor, values, { ip }), values, { refresh: false });
}

/** "Markera som granskad" in the overview's overdue list, which then shows the list without it. */
export async function markReviewedAction(_prev: FormState, formData: FormData): Promise<ReviewState> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => reviewCommands.markReviewed(db(), actor, values, { ip }), values);
}
