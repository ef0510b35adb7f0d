import "server-only";
import type { StaffUser } from "@/lib/auth/session";
import { db } from "./client";
import { getNewsroomSummary, organisationIdsOf, type StaffSummary } from "./users";

/** The newsroom start page for this user: administrators see everything, others their organisations. */
export async function getNewsroomSummaryFor(user: StaffUser): Promise<StaffSummary> {
  const scope = user.role === "ADMIN" ? "all" : await organisationIdsOf(db(), user.id);
  return getNewsroomSummary(db(), scope);
}
