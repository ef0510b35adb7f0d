import type { Metadata } from "next";
import Link from "next/link";

// 403 in the newsroom: signed in, but this page or item belongs to someone else's work.
export const metadata: Metadata = { title: "Behörighet saknas", robots: { index: false, follow: false } };

export default function Forbidden() {
  return (
    <main id="innehall" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold">Du har inte behörighet till den här sidan</h1>
      <p className="mt-4">Din roll eller dina organisationer ger inte tillgång till det du försökte öppna. Be en administratör om hjälp om du behöver det.</p>
      <p className="mt-4">
        <Link href="/admin">Till redaktionens översikt</Link>
      </p>
    </main>
  );
}
