"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SubmitButton } from "@/components/admin/form";
import { confirmAction } from "../../actions";
import type { ConfirmState } from "../../confirm-state";

export function LinkNotValid() {
  return (
    <>
      <p role="alert" className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
        Länken fungerar inte längre. Den kan redan ha använts, eller så har de två dygn den gäller gått.
      </p>
      <p className="mt-4">
        <Link href="/bevakning">Börja bevaka igen</Link>, eller använd formuläret på sidan du ville följa.
      </p>
    </>
  );
}

export function ConfirmForm({ token, list }: { token: string; list: string }) {
  const [state, action] = useActionState<ConfirmState, FormData>(confirmAction, {});
  if (state.done?.ok)
    return (
      <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
        Klart! Du bevakar nu {state.done.list}. Varje mejl har en länk där du ändrar eller avslutar bevakningen.
      </p>
    );
  if (state.done) return <LinkNotValid />;
  return (
    <form action={action} className="mt-4 space-y-4">
      <p className="text-slate-700">Klicka på knappen för att börja få e-post om {list}.</p>
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Bekräftar …">Bekräfta bevakningen</SubmitButton>
    </form>
  );
}
