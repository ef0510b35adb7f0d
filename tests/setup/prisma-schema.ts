import { readFileSync } from "node:fs";

// A small reader for our own schema.prisma, enough to compare it with the database:
// models, their scalar fields, column names, native types and optionality.

export type Column = { model: string; field: string; table: string; column: string; prismaType: string; nativeType: string | null; optional: boolean; enumName: string | null };

const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);

export function readPrismaColumns(file = "prisma/schema.prisma"): { columns: Column[]; tables: string[]; enums: Map<string, { dbName: string; values: string[] }> } {
  const src = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const enums = new Map<string, { dbName: string; values: string[] }>();
  for (const m of src.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) {
    const body = m[2]!;
    const dbName = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? m[1]!;
    const values = body.split("\n").map((l) => l.trim()).filter((l) => /^[A-Z_]+$/.test(l));
    enums.set(m[1]!, { dbName, values });
  }
  const columns: Column[] = [];
  const tables: string[] = [];
  for (const m of src.matchAll(/model\s+(\w+)\s*\{([^}]*)\}/g)) {
    const model = m[1]!;
    const body = m[2]!;
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? model;
    tables.push(table);
    for (const line of body.split("\n").map((l) => l.trim())) {
      const unsupported = /^(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/.exec(line);
      if (unsupported) {
        const [, field, pgType, modifier, attrs] = unsupported as unknown as [string, string, string, string | undefined, string];
        columns.push({ model, field, table, column: /@map\("([^"]+)"\)/.exec(attrs)?.[1] ?? field, prismaType: "Unsupported", nativeType: pgType, optional: modifier === "?", enumName: null });
        continue;
      }
      const f = /^(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!f || line.startsWith("@@")) continue;
      const [, field, type, modifier, attrs] = f as unknown as [string, string, string, string | undefined, string];
      const isEnum = enums.has(type);
      if (!SCALARS.has(type) && !isEnum && type !== "Unsupported") continue; // relation field
      columns.push({
        model,
        field,
        table,
        column: /@map\("([^"]+)"\)/.exec(attrs)?.[1] ?? field,
        prismaType: type,
        nativeType: /@db\.(\w+)/.exec(attrs)?.[1] ?? null,
        optional: modifier === "?",
        enumName: isEnum ? enums.get(type)!.dbName : null,
      });
    }
  }
  return { columns, tables, enums };
}

/** The information_schema data_type Postgres reports for a Prisma field. */
export function expectedPgType(c: Column): string {
  if (c.enumName) return "USER-DEFINED";
  if (c.prismaType === "Unsupported") return c.nativeType!;
  const native: Record<string, string> = { Uuid: "uuid", Date: "date", Timestamptz: "timestamp with time zone", JsonB: "jsonb", Text: "text", VarChar: "character varying" };
  if (c.nativeType) return native[c.nativeType] ?? c.nativeType.toLowerCase();
  const defaults: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Float: "double precision",
    Decimal: "numeric",
    Boolean: "boolean",
    DateTime: "timestamp without time zone",
    Json: "jsonb",
    Bytes: "bytea",
  };
  return defaults[c.prismaType]!;
}
