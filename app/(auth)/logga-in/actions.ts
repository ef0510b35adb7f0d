"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/session";
import { signInSchema } from "@/lib/validation/auth";

export type SignInState = { email: string; error?: string; fieldErrors?: Partial<Record<"email" | "password", string>> };

// The same answer whether the account exists, the password is wrong or the account is
// locked after too many attempts, so the form reveals nothing.
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as "email" | "password"] ??= issue.message;
    return { email: raw.email, fieldErrors };
  }
  const outcome = await signIn(parsed.data, await headers());
  if (outcome.status === "refused") return { email: raw.email, error: outcome.message };
  redirect(outcome.status === "two-factor" ? "/logga-in/tvafaktor" : "/admin");
}
