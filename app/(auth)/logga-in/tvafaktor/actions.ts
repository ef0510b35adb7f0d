"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SECOND_FACTOR_MESSAGES, verifySecondFactor } from "@/lib/auth/session";
import { secondFactorSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, type FormState } from "@/lib/validation/form";

export type SecondFactorState = FormState & { expired?: boolean };

/** The second step of signing in: the code from the authenticator app, or a backup code. */
export async function secondFactorAction(_prev: SecondFactorState, formData: FormData): Promise<SecondFactorState> {
  const parsed = secondFactorSchema.safeParse({ code: String(formData.get("code") ?? "") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const outcome = await verifySecondFactor(parsed.data.code, await headers());
  if (!outcome.ok) {
    const message = SECOND_FACTOR_MESSAGES[outcome.reason];
    return outcome.reason === "wrong" ? { fieldErrors: { code: message } } : { error: message, expired: true };
  }
  redirect("/admin");
}
