import { z } from "zod";

// Sign-in: the same answer for a wrong password, an unknown address and a locked account,
// so the form reveals nothing about which accounts exist.
export const WRONG_CREDENTIALS = "Fel e-postadress eller lösenord.";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email({ error: "Skriv en giltig e-postadress." }),
  password: z.string().min(1, { error: "Skriv ditt lösenord." }).max(200, { error: "Lösenordet är för långt." }),
});

/** The second step: a 6-digit code from the authenticator app, or a backup code (xxxxx-xxxxx, dash optional). */
export const secondFactorSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/, { error: "Skriv den sexsiffriga koden från din app, eller en reservkod." }))
    .transform((v) => (v.length === 10 ? `${v.slice(0, 5)}-${v.slice(5)}` : v)),
});

export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "Skriv den sexsiffriga koden från din app." })),
});
