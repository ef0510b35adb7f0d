"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { commentSubmitSchema } from "@/lib/comments/rules";
import { db } from "@/lib/db/client";
import { FORM_STALE, formToken, notifyModerators, submitComment } from "@/lib/db/comments";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import { configuredMailer } from "@/lib/mail/mailer";
import { clientAddressFrom } from "@/lib/request-client";
import { formValues, parseFields, type FormState } from "@/lib/validation/form";

// A reader's comment from the story page (issue 11, decision 019). Anonymous, so no session:
// the spam checks in submitComment stand in for it. The story page is a stored page, the same
// bytes for every reader, so the signed fill-time token cannot be baked into it: public/js/site.js
// asks /api/kommentarer/token for one when the reader starts writing, and every failed answer
// carries the token to send next time (so a reader without JavaScript gets one on the first try).

export type CommentFormState = FormState & { token?: string };

const FORM_HAS_ERRORS = "Kommentaren kunde inte skickas. Rätta fälten som är markerade; din text finns kvar.";

export async function submitCommentAction(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const { website, formToken: sentToken, ...typed } = formValues(formData);
  const input = { ...typed, website, formToken: sentToken };
  const token = typeof sentToken === "string" && sentToken ? sentToken : formToken();
  const parsed = parseFields(commentSubmitSchema, input);
  if (!parsed.ok) return { error: FORM_HAS_ERRORS, fieldErrors: parsed.fieldErrors, values: typed, token };
  const ip = clientAddressFrom(await headers());
  let result: Awaited<ReturnType<typeof submitComment>>;
  try {
    result = await submitComment(db(), input, { ip });
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    console.warn(`[comments] database unavailable during a submit: ${(err as Error).message?.split("\n")[0]}`);
    return { error: DATABASE_UNAVAILABLE, values: typed, token };
  }
  // A stale or forged token is replaced, so sending again works; a valid one is kept, so
  // fixing a field does not restart the minimum fill time.
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors, values: typed, token: result.error === FORM_STALE ? formToken() : token };
  const { id } = result.value;
  after(() => notifyModerators(db(), configuredMailer(), id, { siteUrl: env().SITE_URL }).catch((err: Error) => console.error(`[comments] notifying moderators failed: ${err.message}`)));
  return { ok: true, message: result.message, token: formToken() };
}
