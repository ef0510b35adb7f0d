import type { Metadata } from "next";
import { connection } from "next/server";
import { db } from "@/lib/db/client";
import { pendingConfirmation } from "@/lib/db/alerts";
import { ConfirmForm, LinkNotValid } from "./confirm-form";

// The page a confirmation mail links to. Mail systems' link scanners fetch links, so the GET
// only shows a button; the button's POST (a server action) confirms. The token in the address
// must travel no further: no referrer.

export const metadata: Metadata = { title: "Bekräfta bevakningen", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function ConfirmAlertPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const list = await pendingConfirmation(db(), token);
  return (
    <>
      <h1 className="text-3xl font-bold">Bekräfta bevakningen</h1>
      {list ? <ConfirmForm token={token} list={list} /> : <LinkNotValid />}
    </>
  );
}
