import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

// Schemas for staff accounts, shared by the forms and the server: passwords, invites,
// role and organisation changes. Messages are Swedish because they are shown next to fields.

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export const newPasswordSchema = z
  .string({ error: "Skriv ett lösenord." })
  .min(PASSWORD_MIN, { error: `Lösenordet måste ha minst ${PASSWORD_MIN} tecken.` })
  .max(PASSWORD_MAX, { error: `Lösenordet får ha högst ${PASSWORD_MAX} tecken.` });

const confirmed = <T extends { password: string; confirm: string }>(v: T) => v.password === v.confirm;
const CONFIRM_MISMATCH = { path: ["confirm"], error: "Lösenorden är inte likadana. Skriv samma lösenord två gånger." };

/** The one-time link's token: 32 random bytes in base64url. */
export const accountTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "Länken är inte giltig." });

export const setPasswordSchema = z
  .object({ token: accountTokenSchema, password: newPasswordSchema, confirm: z.string() })
  .refine(confirmed, CONFIRM_MISMATCH);

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, { error: "Skriv ditt nuvarande lösenord." }).max(PASSWORD_MAX, { error: "Lösenordet är för långt." }),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine(confirmed, CONFIRM_MISMATCH);

const emailSchema = z.string().trim().toLowerCase().max(254, { error: "E-postadressen är för lång." }).email({ error: "Skriv en giltig e-postadress." });
const roleSchema = z.enum(ROLES, { error: "Välj en roll." });
const organisationIdsSchema = z.array(z.uuid({ error: "Okänd organisation." })).max(500).default([]);

export const inviteSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { error: "Skriv personens namn." }).max(120, { error: "Namnet får ha högst 120 tecken." }),
  role: roleSchema,
  organisationIds: organisationIdsSchema,
});

export const userAccessSchema = z.object({ role: roleSchema, organisationIds: organisationIdsSchema });

export const forgotPasswordSchema = z.object({ email: emailSchema });
