import { isAPIError } from "better-auth/api";

// better-auth's errors, recognised by name as well as class: the auth instance is shared through
// globalThis by every server bundle, and the bundle that created it first (a route handler, say)
// has its own copy of the APIError class, so `instanceof` in another bundle (a server action)
// can be false for a plain wrong password and turn it into an error page.
export type AuthApiError = { statusCode: number; status?: string; body?: { code?: string; message?: string } };

export function authApiError(err: unknown): AuthApiError | null {
  return isAPIError(err) && typeof (err as { statusCode?: unknown }).statusCode === "number" ? (err as AuthApiError) : null;
}
