"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/validation/auth";

export type SignInState = { email: string; error?: string; fieldErrors?: Partial<Record<"email" | "password", string>> };

// The same answer whether the account exists or not, so the form reveals nothing.
const WRONG = "Fel e-postadress eller lösenord.";

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as "email" | "password"] ??= issue.message;
    return { email: raw.email, fieldErrors };
  }
  try {
    await auth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (err) {
    if (err instanceof APIError && err.status === "TOO_MANY_REQUESTS") return { email: raw.email, error: "För många inloggningsförsök. Vänta en stund och försök igen." };
    if (err instanceof APIError) return { email: raw.email, error: WRONG };
    throw err;
  }
  redirect("/admin");
}
