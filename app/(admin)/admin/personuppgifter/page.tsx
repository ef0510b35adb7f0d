import type { Metadata } from "next";
import { PersonalDataRequest } from "@/components/admin/personal-data-request";
import { requirePermission } from "@/lib/newsroom/actor";

export const metadata: Metadata = { title: "Personuppgifter" };

// A reader asks what we hold about them, or that it be erased (decision 019): administrators
// find an address's data in every source, export it as JSON and erase it.
export default async function PersonalDataPage() {
  await requirePermission("personaldata.manage");
  return (
    <>
      <h1 className="text-3xl font-bold">Personuppgifter</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        När en läsare begär ett utdrag eller vill att vi raderar uppgifter om hen: sök på läsarens e-postadress, ladda ned uppgifterna som en fil att skicka till läsaren, eller radera dem. Varje export och
        radering förs in i loggen.
      </p>
      <PersonalDataRequest />
    </>
  );
}
