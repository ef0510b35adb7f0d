// What every newsroom command (lib/db/*) returns. Commands authorise themselves and throw
// ForbiddenError when the actor may not act on the record; a bad input is an ordinary
// result with Swedish messages per field. On success, `tags` are the cache tags of every
// public page the change shows on: the caller invalidates exactly those.

export type CommandResult<T = null> =
  | { ok: true; value: T; tags: string[]; message?: string }
  | { ok: false; error?: string; fieldErrors?: Record<string, string> };

export function success<T>(value: T, tags: string[] = [], message?: string): CommandResult<T> {
  return { ok: true, value, tags, message };
}

export function failure(error: string, fieldErrors?: Record<string, string>): CommandResult<never> {
  return { ok: false, error, fieldErrors };
}

export function invalid(fieldErrors: Record<string, string>, error = "Formuläret har fel. Rätta fälten som är markerade."): CommandResult<never> {
  return { ok: false, error, fieldErrors };
}
