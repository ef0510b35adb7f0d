import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { getSettingsForEdit } from "@/lib/db/entities/settings";
import { getSiteSettings } from "@/lib/db/site";
import { requirePermission } from "@/lib/newsroom/actor";
import { updateSettingsAction } from "./actions";
import { SettingsForm } from "./settings-form";

// Site settings: administrators only.

export const metadata: Metadata = { title: "Inställningar" };

export default async function SettingsPage() {
  await requirePermission("settings.manage");
  // Before the first save the form starts from what the public site shows by default.
  const settings = (await getSettingsForEdit(db())) ?? (await getSiteSettings());
  return (
    <>
      <h1 className="text-3xl font-bold">Inställningar</h1>
      <p className="mt-2 text-slate-700">Webbplatsens namn och uppgifterna i sidfoten. Ändringarna syns på webbplatsen direkt när du sparar.</p>
      <SettingsForm action={updateSettingsAction} settings={settings} />
    </>
  );
}
