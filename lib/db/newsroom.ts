import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "./client";
import { getNewsroomSummary, type StaffSummary } from "./users";

/** The newsroom start page for this actor: administrators see everything, others their organisations. */
export async function getNewsroomSummaryFor(actor: Actor): Promise<StaffSummary> {
  return getNewsroomSummary(db(), actor.role === "ADMIN" ? "all" : [...actor.organisationIds]);
}
