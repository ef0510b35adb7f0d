import { z } from "zod";
import { parseTrustedProxies } from "./client-address.mjs";

// The only reader of process.env. Every variable the app or its scripts use is declared
// here, so a wrong value stops the start with one line that names it.

/** A whole number in [min, max], every failure with the same message. */
const wholeNumber = (min: number, max: number, error: string) => z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

const port = wholeNumber(1, 65535, "must be a whole number between 1 and 65535");

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
    error: "must be a postgres:// or postgresql:// URL",
  });

const envSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  SITE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://naringslivsnytt.se" }).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: port.default(54329),
  MEDIA_DIR: z.string().min(1).optional(),
  LIST_PAGE_SIZE: z.coerce.number({ error: "must be a whole number 1–100" }).int().min(1).max(100).default(12),
  // Signs newsroom sessions. Required with DATABASE_URL; in local mode one is made and kept in DATA_DIR.
  BETTER_AUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters (try: openssl rand -base64 32)" }).optional(),
  // Sign-in rate limiting (on by default; the end-to-end tests switch it off).
  AUTH_RATE_LIMIT: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  // Time-outs on every database path, in milliseconds (lib/db/pool.ts). A frozen or unreachable
  // database then costs a request at most these, never a hang.
  DB_POOL_SIZE: wholeNumber(1, 200, "must be a whole number of connections 1–200").default(10),
  DB_CONNECT_TIMEOUT_MS: wholeNumber(100, 60_000, "must be a whole number of milliseconds 100–60000").default(3000),
  DB_STATEMENT_TIMEOUT_MS: wholeNumber(100, 600_000, "must be a whole number of milliseconds 100–600000").default(15_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: wholeNumber(100, 600_000, "must be a whole number of milliseconds 100–600000").default(10_000),
  // Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated), e.g.
  // 127.0.0.1 for nginx on the same machine. Unset: the socket's address is the client's.
  TRUSTED_PROXIES: z
    .string()
    .superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
      }
    })
    .optional(),
  // URLs per sitemap file; the protocol allows at most 50 000.
  // Outgoing mail (invites, password resets), e.g. smtp://user:pass@smtp.example.se:587.
  // Unset: local mode prints the links to the server log and shows them to the administrator.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Näringslivsnytt <noreply@naringslivsnytt.local>"),
  // Largest accepted image upload, in megabytes.
  MEDIA_MAX_MB: z.coerce.number({ error: "must be a number of megabytes 1–500" }).min(1).max(500).default(20),
  // Largest WordPress export (WXR) or media zip the newsroom's import (/admin/import) accepts, each, in megabytes.
  IMPORT_MAX_MB: wholeNumber(1, 10_240, "must be a whole number of megabytes 1–10240").default(512),
  // How often the scheduler publishes stories whose time has come (and empties the trash).
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number({ error: "must be a whole number of seconds 1–60" }).int().min(1).max(60).default(30),
  // How often the link check reads the external links of published stories and network pages
  // and checks those that are due (each address weekly, a broken one daily); 0 turns it off.
  LINK_CHECK_INTERVAL_MINUTES: z.coerce.number({ error: "must be a whole number of minutes 0–1440" }).int().min(0).max(1440).default(60),
  // Commenting on a story closes by itself this many days after its publication; 0 never closes it.
  COMMENTS_CLOSE_AFTER_DAYS: wholeNumber(0, 3650, "must be a whole number of days 0–3650").default(30),
  // Require TOTP two-factor sign-in for administrators.
  REQUIRE_ADMIN_2FA: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("false"),
  SITEMAP_SPLIT_SIZE: z.coerce.number({ error: "must be a whole number 1–50000" }).int().min(1).max(50_000).default(50_000),
  // Media in S3-compatible object storage instead of MEDIA_DIR, so every server instance sees
  // every upload. S3_BUCKET turns it on; S3_ENDPOINT is for MinIO and the like (unset: AWS).
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:9000" }).optional(),
  S3_REGION: z.string().min(1).default("eu-north-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("false"),
  // Stored pages shared by every instance through Redis (lib/cache-handler); unset: each
  // process keeps its own. The handler reads these four itself (Next loads it uncompiled):
  // they are declared here so that a bad value stops the start with one line.
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\/[^\s]+$/.test(v) && URL.canParse(v), { error: "must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379" })
    .optional(),
  // Memory for stored pages in each process, in megabytes.
  CACHE_MEMORY_MB: wholeNumber(8, 4096, "must be a whole number of megabytes 8–4096").default(64),
  // Key prefix in Redis, for several sites sharing one Redis; and a log line per stored entry.
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:._-]{1,40}$/, { error: "must be 1–40 letters, digits or : . _ -" }).default("nln:"),
  CACHE_DEBUG: z.enum(["0", "1"], { error: 'must be "0" or "1"' }).default("0"),
}).superRefine((env, ctx) => {
  if (!env.S3_BUCKET) return;
  for (const name of ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
    if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "must be set when S3_BUCKET is set" });
  }
});

export type Env = z.infer<typeof envSchema> & { SITE_URL: string; MEDIA_DIR: string };

export class EnvError extends Error {}

/** Parses the environment; throws EnvError with a one-line message naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    // A URL's password never goes into the log.
    const got = cleaned[name]?.replace(/\/\/([^/@\s]*):[^/@\s]*@/, "//$1:***@");
    throw new EnvError(`Invalid configuration: ${name} ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`);
  }
  const env = result.data;
  return {
    ...env,
    SITE_URL: (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    MEDIA_DIR: env.MEDIA_DIR ?? `${env.DATA_DIR}/media`,
  };
}

/** Read live, not cached: tests point each worker at its own database. */
export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** Where this server process listens (`next start -p` sets PORT), for the scheduler's calls to itself. */
export function ownOrigin(): string {
  const { HOST, PORT } = env();
  const port = Number(process.env.PORT) || PORT;
  const host = HOST === "0.0.0.0" || HOST === "::" ? "127.0.0.1" : HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
