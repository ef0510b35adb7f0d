import type { Prisma, PrismaClient } from "@/generated/prisma/client";

// A data request (GDPR articles 15 and 17) about one e-mail address: every feature that keeps
// readers' personal data (comments, e-mail alerts) registers a source in ./index.ts, and the
// administrators' page /admin/personuppgifter finds, exports and erases through them all.

export type PersonalDataRecords = {
  /** How many records this source holds for the address. */
  count: number;
  /** JSON-serialisable records as the export hands them over (no internal secrets such as tokens). */
  records: unknown[];
};

export type PersonalDataSource = {
  /** Stable key, used in the export's JSON: "comments", "alerts". */
  key: string;
  /** Swedish, for the page: "Kommentarer", "E-postbevakningar". */
  label: string;
  find(client: PrismaClient, email: string): Promise<PersonalDataRecords>;
  /** Erases (or anonymises, where the record must stay) what the address owns; the cache tags of public pages that change. */
  erase(tx: Prisma.TransactionClient, email: string): Promise<{ count: number; tags: string[] }>;
};
