import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ABSOLUTE_SESSION_SECONDS, auth } from "./auth";
import { isRole, type Role } from "./roles";

export type StaffUser = { id: string; name: string; email: string; role: Role };

/** The signed-in staff member, or null. Sessions older than the absolute lifetime count as none. */
export async function getStaffUser(): Promise<StaffUser | null> {
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  if (Date.now() - new Date(session.session.createdAt).getTime() > ABSOLUTE_SESSION_SECONDS * 1000) return null;
  const role = (session.user as { role?: unknown }).role;
  if (!isRole(role)) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email, role };
}

/** For newsroom pages: the staff member, or a redirect to the sign-in page. */
export async function requireStaffUser(): Promise<StaffUser> {
  const user = await getStaffUser();
  if (!user) redirect("/logga-in");
  return user;
}
