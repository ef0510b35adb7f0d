import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

// better-auth, created lazily so that `next build` never needs a database or a secret.
// Staff accounts only: sign-up is off, accounts are made by administrators or user:create.

export const IDLE_SESSION_SECONDS = 8 * 60 * 60; // signed out after 8 hours without activity
export const ABSOLUTE_SESSION_SECONDS = 7 * 24 * 60 * 60; // and after 7 days whatever happens
const ARGON2ID = 2;

function createAuth() {
  const { BETTER_AUTH_SECRET, SITE_URL, AUTH_RATE_LIMIT } = env();
  if (!BETTER_AUTH_SECRET) throw new Error("BETTER_AUTH_SECRET is not set");
  return betterAuth({
    appName: "Näringslivsnytt",
    baseURL: SITE_URL,
    secret: BETTER_AUTH_SECRET,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 200,
      password: {
        hash: (password) => hash(password, { algorithm: ARGON2ID }),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    user: { additionalFields: { role: { type: "string", input: false, defaultValue: "WRITER" } } },
    session: { expiresIn: IDLE_SESSION_SECONDS, updateAge: 15 * 60 },
    advanced: { useSecureCookies: SITE_URL.startsWith("https://"), defaultCookieAttributes: { httpOnly: true, sameSite: "lax" } },
    rateLimit: { enabled: AUTH_RATE_LIMIT === "on", window: 60, max: 100, customRules: { "/sign-in/email": { window: 60, max: 5 } } },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const g = globalThis as unknown as { auth?: Auth };

export function auth(): Auth {
  g.auth ??= createAuth();
  return g.auth;
}
