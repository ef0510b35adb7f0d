"use client";

import Link from "next/link";
import { SubmitButton } from "@/components/admin/form";

// The buttons at the foot of an entity form.
export function FormActions({ submitLabel, cancelHref }: { submitLabel: string; cancelHref: string }) {
  return (
    <div className="flex flex-wrap items-center gap-4 pt-2">
      <SubmitButton pendingLabel="Sparar …">{submitLabel}</SubmitButton>
      <Link href={cancelHref}>Tillbaka till listan</Link>
    </div>
  );
}
