import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expectedPgType, readPrismaColumns } from "../setup/prisma-schema";

// schema.prisma and the SQL migrations are written by hand; this proves they agree.
describe("schema.prisma matches the migrated database", () => {
  const schema = readPrismaColumns();

  it("has a column of the right type and nullability for every model field", async () => {
    const rows = await db().$queryRaw<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }[]>`
      SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`;
    const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const problems: string[] = [];
    for (const c of schema.columns) {
      const col = actual.get(`${c.table}.${c.column}`);
      if (!col) {
        problems.push(`${c.model}.${c.field}: no column ${c.table}.${c.column}`);
        continue;
      }
      if (col.data_type !== expectedPgType(c)) problems.push(`${c.model}.${c.field}: type ${col.data_type}, schema says ${expectedPgType(c)}`);
      if (c.enumName && col.udt_name !== c.enumName) problems.push(`${c.model}.${c.field}: enum ${col.udt_name}, schema says ${c.enumName}`);
      if ((col.is_nullable === "YES") !== c.optional) problems.push(`${c.model}.${c.field}: nullable=${col.is_nullable}, schema optional=${c.optional}`);
    }
    expect(problems).toEqual([]);
  });

  it("has no table or column the schema does not know", async () => {
    const rows = await db().$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
    const known = new Set(schema.columns.map((c) => `${c.table}.${c.column}`));
    expect(rows.map((r) => `${r.table_name}.${r.column_name}`).filter((k) => !known.has(k))).toEqual([]);
    const tables = new Set(rows.map((r) => r.table_name));
    expect([...tables].sort()).toEqual([...schema.tables].sort());
  });

  it("has the enum values the schema lists", async () => {
    const rows = await db().$queryRaw<{ typname: string; labels: string[] }[]>`
      SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries([...schema.enums.values()].map((e) => [e.dbName, e.values]));
    expect(actual).toEqual(expected);
  });

  it("reads the schema it checks (a guard against a parser that finds nothing)", () => {
    expect(schema.columns.length).toBeGreaterThan(80);
    expect(schema.columns.find((c) => c.model === "Story" && c.field === "publishedAt")).toMatchObject({ column: "published_at", optional: true, nativeType: "Timestamptz" });
  });
});
