import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b-4 border-brand-800">
        <div className="mx-auto max-w-6xl px-4 py-4">
          <Link href="/" className="text-2xl font-extrabold text-brand-800 no-underline">
            Näringslivsnytt
          </Link>
        </div>
      </header>
      <main id="innehall" className="mx-auto max-w-md px-4 py-10">
        {children}
      </main>
    </>
  );
}
