import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { can, type Actor, type Permission, type Subject } from "@/lib/auth/permissions";
import { clientAddressFrom } from "@/lib/request-client";
import { getStaffUser, twoFactorSetupRequired } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { organisationIdsOf } from "@/lib/db/users";

// The signed-in staff member as the permission rules see them, with their organisations
// read from the database on every request: nothing about who you are comes from the client.

/** Once per request: the layout, the page and its actions all ask. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const user = await getStaffUser();
  if (!user) return null;
  return { ...user, organisationIds: await organisationIdsOf(db(), user.id) };
});

/**
 * Pages and actions: the actor, or a redirect to the sign-in page. With REQUIRE_ADMIN_2FA an
 * administrator without two-factor is sent to /admin/konto, whose page and actions pass
 * allowWithout2fa so it can be turned on there.
 */
export async function requireActor(options: { allowWithout2fa?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/logga-in");
  if (!options.allowWithout2fa && (await twoFactorSetupRequired(actor))) redirect("/admin/konto");
  return actor;
}

/**
 * Route handlers: the actor, or null when nobody is signed in or when an administrator still
 * has to turn on two-factor sign-in (REQUIRE_ADMIN_2FA), who may then use nothing but Mitt konto.
 */
export async function routeActor(): Promise<Actor | null> {
  const actor = await currentActor();
  if (!actor || (await twoFactorSetupRequired(actor))) return null;
  return actor;
}

/** Pages: the actor if they hold the permission (for the subject), otherwise 403. */
export async function requirePermission(permission: Permission, subject?: Subject): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, permission, subject)) forbidden();
  return actor;
}

/** The client's address as the proxy in front of us reports it, for rate limits and the audit log. */
export async function clientIp(): Promise<string> {
  return clientAddressFrom(await headers());
}
