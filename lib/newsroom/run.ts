import "server-only";
import { refresh, revalidateTag } from "next/cache";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import type { FormState } from "@/lib/validation/form";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { currentActor, requireActor } from "./actor";
import type { CommandResult } from "./result";

export const FORBIDDEN_MESSAGE = "Du har inte behörighet att göra det här.";
export const SESSION_EXPIRED_MESSAGE = "Du har blivit utloggad, så inget sparades. Allt du skrev finns kvar här: logga in igen i en ny flik och försök sedan igen.";

// Our cache handler expires every invalidated tag at once, whatever the profile (decision 012).
// Next, though, marks a server action as "revalidated" for an expiry of 0 (updateTag too), and
// the browser then refreshes its current route: the story editor, whose address changed to
// /admin/artiklar/<id> at its first save, was remounted by a publish, and what was typed
// meanwhile was lost. A non-zero profile invalidates just the same without that refresh; a
// newsroom page that should show the change asks for it with refresh() (runAction).
const WITHOUT_CLIENT_REFRESH = { expire: 1 };

/** Invalidates public cache tags at once, from a server action or a route handler. */
export function invalidate(tagList: string[]): void {
  for (const tag of new Set(tagList)) revalidateTag(tag, WITHOUT_CLIENT_REFRESH);
}

/** What an action answers: a FormState, the value on success, and any extra failure details. */
export type ActionState<T, F = never> = FormState & { value?: T } & ([F] extends [never] ? unknown : Partial<Omit<F, "ok">>);

/**
 * The body of every newsroom server action: the signed-in actor (without one, an answer that
 * keeps the form and asks to sign in again), the command, cache invalidation, and a FormState for the form. `values` are the typed
 * values, returned on failure so the form keeps every word. A command may fail with more
 * than a message (the story editor's conflict, F): that comes back to the form as it is.
 */
export async function runAction<T, F extends { ok: false; error?: string } = never>(
  command: (actor: Actor) => Promise<CommandResult<T> | F>,
  values?: FormState["values"],
  options: { refresh?: boolean } = {},
): Promise<ActionState<T, F>> {
  let actor: Actor | undefined;
  let result: CommandResult<T> | F;
  try {
    // No session (it expired, or the user signed out in another tab): an answer, not a
    // redirect to the sign-in page, which would throw away what the form holds.
    if (!(await currentActor())) return { error: SESSION_EXPIRED_MESSAGE, sessionExpired: true, values } as ActionState<T, F>;
    actor = await requireActor();
    result = await command(actor);
  } catch (err) {
    if (err instanceof ForbiddenError) {
      console.warn(`[newsroom] refused ${err.permission} for ${actor?.email}`);
      return { error: FORBIDDEN_MESSAGE, values } as ActionState<T, F>;
    }
    // A database that does not answer: the form keeps every word and says so (503-like).
    if (isDatabaseUnavailable(err)) {
      console.warn(`[newsroom] database unavailable during an action by ${actor?.email ?? "(session not read)"}: ${(err as Error).message?.split("\n")[0]}`);
      return { error: DATABASE_UNAVAILABLE, values } as ActionState<T, F>;
    }
    throw err;
  }
  if (!result.ok) return { ...result, ok: undefined, values } as ActionState<T, F>;
  invalidate(result.tags);
  // The newsroom page the form is on shows the change at once (its data is not cached).
  // The story editor keeps its own state instead, so a refresh would only remount it.
  if (options.refresh !== false) refresh();
  return { ok: true, message: result.message, value: result.value } as ActionState<T, F>;
}
