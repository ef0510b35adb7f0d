import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email({ error: "Skriv en giltig e-postadress." }),
  password: z.string().min(1, { error: "Skriv ditt lösenord." }).max(200, { error: "Lösenordet är för långt." }),
});
