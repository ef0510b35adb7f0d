import "server-only";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { db } from "./client";

export type SiteSettingsDto = {
  siteName: string;
  tagline: string | null;
  description: string | null;
  footerOrganisation: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  informationOwner: string | null;
  webmaster: string | null;
};

const FALLBACK: SiteSettingsDto = {
  siteName: "Näringslivsnytt",
  tagline: null,
  description: null,
  footerOrganisation: "Näringslivsnytt",
  address: null,
  phone: null,
  email: null,
  informationOwner: null,
  webmaster: null,
};

export async function getSiteSettings(): Promise<SiteSettingsDto> {
  const row = await db().siteSettings.findUnique({
    where: { id: 1 },
    select: {
      siteName: true,
      tagline: true,
      description: true,
      footerOrganisation: true,
      address: true,
      phone: true,
      email: true,
      informationOwner: true,
      webmaster: true,
    },
  });
  return row ?? FALLBACK;
}

export type PageDto = { slug: string; title: string; lead: string | null; body: RichTextDoc; updatedAt: string };

export async function getPage(slug: string): Promise<PageDto | null> {
  const row = await db().page.findUnique({ where: { slug }, select: { slug: true, title: true, lead: true, body: true, updatedAt: true } });
  return row ? { ...row, body: row.body as unknown as RichTextDoc, updatedAt: row.updatedAt.toISOString() } : null;
}
