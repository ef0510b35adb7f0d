import "server-only";
import { verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { twoFactor } from "better-auth/plugins";
import { audit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { recordSignInAttempt, signInBlock } from "@/lib/db/sign-in-attempts";
import { hashPassword } from "@/lib/db/users";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address.mjs";
import { env } from "@/lib/env";
import { clientAddressFrom } from "@/lib/request-client";
import { signInOrigins } from "./origins";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/accounts";
import { isSafeText } from "@/lib/validation/text-safety";

// better-auth, created lazily so that `next build` never needs a database or a secret.
// Staff accounts only: sign-up is off, accounts are made by administrators or user:create.

export const IDLE_SESSION_SECONDS = 8 * 60 * 60; // signed out after 8 hours without activity
export const ABSOLUTE_SESSION_SECONDS = 7 * 24 * 60 * 60; // and after 7 days whatever happens
export const APP_NAME = "Näringslivsnytt";

// Password sign-in (/sign-in/email) stays a standard endpoint and is guarded by the hooks
// below, whichever way it is called. Everything else that checks a password or a second
// factor, or changes an account, goes through our server actions (with their audit log and
// Swedish answers), so better-auth's HTTP endpoints for it are switched off.
const DISABLED_HTTP_PATHS = [
  "/sign-up/email",
  "/sign-in/social",
  "/change-password",
  "/change-email",
  "/update-user",
  "/delete-user",
  "/delete-user/callback",
  "/request-password-reset",
  "/reset-password",
  "/verify-password",
  "/send-verification-email",
  "/verify-email",
  "/link-social",
  "/unlink-account",
  "/two-factor/enable",
  "/two-factor/disable",
  "/two-factor/get-totp-uri",
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
  "/two-factor/generate-backup-codes",
  "/two-factor/send-otp",
  "/two-factor/verify-otp",
];

// A refused sign-in answers exactly like a wrong password.
const wrongCredentials = () => APIError.from("UNAUTHORIZED", { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" });

/** Before the password is checked: refuse accounts and addresses with too many recent failures. */
const guardSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const body = ctx.body as { email?: unknown; password?: unknown } | undefined;
  // A NUL byte or half an emoji cannot be stored or looked up (PostgreSQL refuses it): a bad
  // request, before anything reaches the database.
  if ([body?.email, body?.password].some((v) => typeof v === "string" && !isSafeText(v))) throw APIError.from("BAD_REQUEST", { code: "INVALID_CHARACTERS", message: "Invalid characters" });
  if (env().AUTH_RATE_LIMIT === "off") return;
  const email = String(body?.email ?? "").trim().toLowerCase();
  const ip = clientAddressFrom(ctx.headers);
  const block = await signInBlock(db(), email, ip);
  if (!block) return;
  await recordSignInAttempt(db(), { email, ip, succeeded: false });
  console.warn(`[auth] refused sign-in for ${email} from ${ip}: too many failed attempts (${block} limit)`);
  throw wrongCredentials();
});

/** After the password check: record the attempt, log failures, audit completed sign-ins. */
const recordSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "").trim().toLowerCase();
  const ip = clientAddressFrom(ctx.headers);
  const succeeded = !isAPIError(ctx.context.returned);
  await recordSignInAttempt(db(), { email, ip, succeeded });
  if (!succeeded) {
    console.warn(`[auth] failed sign-in for ${email} from ${ip}`);
    return;
  }
  // With two-factor on, the sign-in is complete (and audited) only after the code.
  const user = ctx.context.newSession?.user as { id: string; email: string; twoFactorEnabled?: boolean } | undefined;
  if (user && !user.twoFactorEnabled) await audit(db(), { actor: user, action: "auth.sign-in", entityType: "user", entityId: user.id, summary: `${user.email} loggade in`, ip });
});

function createAuth() {
  const { BETTER_AUTH_SECRET, SITE_URL, AUTH_RATE_LIMIT } = env();
  if (!BETTER_AUTH_SECRET) throw new Error("BETTER_AUTH_SECRET is not set");
  return betterAuth({
    appName: APP_NAME,
    baseURL: SITE_URL,
    // Production: SITE_URL only. Local mode: any address of this machine (lib/auth/origins.ts).
    trustedOrigins: () => signInOrigins(SITE_URL),
    secret: BETTER_AUTH_SECRET,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    disabledPaths: DISABLED_HTTP_PATHS,
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: {
        hash: (password) => hashPassword(password),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    user: { additionalFields: { role: { type: "string", input: false, defaultValue: "WRITER" } } },
    session: { expiresIn: IDLE_SESSION_SECONDS, updateAge: 15 * 60 },
    advanced: {
      useSecureCookies: SITE_URL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // better-auth's own limiter keys on the address server.mjs decided, never on a
      // client-sent X-Forwarded-For (its default).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    rateLimit: { enabled: AUTH_RATE_LIMIT === "on", window: 60, max: 100, customRules: { "/sign-in/email": { window: 60, max: 5 } } },
    hooks: { before: guardSignIn, after: recordSignIn },
    // TOTP with an authenticator app; backup codes for a lost phone. nextCookies must come last.
    plugins: [twoFactor({ issuer: APP_NAME }), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const g = globalThis as unknown as { auth?: Auth };

export function auth(): Auth {
  g.auth ??= createAuth();
  return g.auth;
}
