"use server";

import { db } from "@/lib/db/client";
import { commentCommands } from "@/lib/db/comments";
import { clientIp } from "@/lib/newsroom/actor";
import { runAction } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// The moderation queue's actions (/admin/kommentarer). Each command authorises itself for the
// very comment's story (comment.moderate) and says which public page changed.

const MODERATE = { godkann: commentCommands.approveComment, avvisa: commentCommands.rejectComment, skrap: commentCommands.markSpam } as const;

/** Godkänn, Avvisa or Markera som skräp, by the button pressed (Avvisa also takes a published comment off the page). */
export async function moderateCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const intent = String(values.intent ?? "");
  const command = MODERATE[intent as keyof typeof MODERATE];
  if (!command) return { error: "Välj vad som ska hända med kommentaren." };
  const ip = await clientIp();
  return runAction((actor) => command(db(), actor, values, { ip }), values);
}

/** "Svara som <organisation>": the reply shown under the comment; an empty reply removes it. */
export async function replyCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => commentCommands.replyToComment(db(), actor, values, { ip }), values);
}

/** Closes or opens commenting on one story. */
export async function setCommentsClosedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => commentCommands.setCommentsClosed(db(), actor, values, { ip }), values);
}
