import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env().SITE_URL),
  title: { default: "Näringslivsnytt", template: "%s – Näringslivsnytt" },
  description: "Nyheter och intervjuer om näringsliv och företagsklimat från Sveriges kommuner.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b3a5b" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="sv" className={inter.variable}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
