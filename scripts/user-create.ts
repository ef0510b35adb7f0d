// `npm run user:create -- --email E --role admin|editor|writer [--name N] [--organisation SLUG] [--password P]`
// Creates a newsroom account in the database `npm start` uses: DATABASE_URL, or the embedded
// one (also while the server runs, by connecting to its port). Without --password it prints
// a one-time link where the person chooses their own password (valid for 7 days).
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { INVITE_VALID_DAYS, issueAccountToken, setPasswordUrl } from "@/lib/db/accounts";
import { audit } from "@/lib/db/audit";
import { createDb } from "@/lib/db/client";
import { createStaffUser, UserError } from "@/lib/db/users";
import { parseEnv } from "@/lib/env";
import { migrate } from "@/lib/migrations";
import { cliDatabaseUrl } from "./lib/database";

const argsSchema = z.object({
  email: z.email({ error: "--email must be an e-mail address" }),
  role: z.enum(["admin", "editor", "writer"], { error: "--role must be admin, editor or writer" }),
  name: z.string().trim().min(1).optional(),
  organisation: z.array(z.string()).default([]),
  password: z.string().min(12, { error: "--password must be at least 12 characters" }).max(200, { error: "--password must be at most 200 characters" }).optional(),
});

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, organisation: { type: "string", multiple: true }, password: { type: "string" } },
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues[0]!.message);
  process.exit(1);
}
const args = parsed.data;
const env = parseEnv();

const database = await cliDatabaseUrl(env);
const url = database.url;
try {
  await migrate(url);
  const client = createDb(url);
  const role = args.role.toUpperCase() as "ADMIN" | "EDITOR" | "WRITER";
  const { id } = await createStaffUser(client, { email: args.email, name: args.name ?? args.email.split("@")[0]!, role, password: args.password, organisationSlugs: args.organisation });
  await audit(client, { actor: null, action: "user.create", entityType: "user", entityId: id, summary: `${args.email.toLowerCase()} skapades som ${ROLE_LABELS[role].toLowerCase()} med user:create` });
  if (args.password) {
    console.log(`Created ${args.role} ${args.email}. Sign in at ${env.SITE_URL}/logga-in`);
  } else {
    const token = await issueAccountToken(client, id, "INVITE");
    console.log(`Created ${args.role} ${args.email}. To choose a password, open this one-time link (valid for ${INVITE_VALID_DAYS} days):`);
    console.log(setPasswordUrl(token));
  }
  await client.$disconnect();
} catch (err) {
  console.error(err instanceof UserError ? err.message : (err as Error).message.split("\n")[0]);
  process.exitCode = 1;
} finally {
  await database.stop();
}
