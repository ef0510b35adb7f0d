import { cp, mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { migrate, MigrationError, MIGRATIONS_DIR } from "@/lib/migrations";

// Each test here gets an empty database of its own (not the migrated template).
const adminUrl = inject("pgAdminUrl");
let url: string;
let dbName: string;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nn-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

beforeEach(async () => {
  dbName = `m_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  url = u.toString();
});

afterEach(async () => {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
});

describe("migration runner", () => {
  it("applies every migration once and records it in _prisma_migrations", async () => {
    const first = await migrate(url);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(first.applied);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[a-f0-9]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    const tables = await query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["story", "organisation", "network"]));
  });

  it("waits for the advisory lock held by another migrator, then applies each migration exactly once", async () => {
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock(7245119001)");

    const runs = [migrate(url), migrate(url)];
    // Both runners must be queued on the lock before it is released.
    const waiting = async () =>
      Number((await query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))[0]!.n);
    for (let i = 0; i < 200 && (await waiting()) < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await waiting()).toBe(2);
    const tablesWhileLocked = await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'story'`);
    expect(tablesWhileLocked).toHaveLength(0);

    await holder.query("SELECT pg_advisory_unlock(7245119001)");
    await holder.end();
    const results = await Promise.all(runs);
    const appliedTotal = results.reduce((sum, r) => sum + r.applied.length, 0);
    const rows = await query(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(appliedTotal).toBe(rows.length);
    expect(results.some((r) => r.applied.length === 0)).toBe(true);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const dir = await copyMigrations();
    await migrate(url, { dir });
    const [first] = (await import("node:fs/promises").then((fs) => fs.readdir(dir))).sort();
    const file = path.join(dir, first!, "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")) + "\n-- edited later\n");

    const error = await migrate(url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(first!);
    expect((error as Error).message).toMatch(/changed after it was applied/);
  });

  it("rolls back a failing migration completely and names it", async () => {
    const dir = await copyMigrations();
    const bad = path.join(dir, "29990101000000_broken");
    await mkdir(bad);
    await writeFile(path.join(bad, "migration.sql"), "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n");

    const error = await migrate(url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain("29990101000000_broken");
    expect(await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`)).toHaveLength(0);
    expect(await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`)).toHaveLength(0);
    // The good migrations before it stay applied.
    expect(await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'story'`)).toHaveLength(1);
  });
});
