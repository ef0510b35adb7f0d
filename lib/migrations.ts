import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order. Prisma's own
// `migrate deploy` needs a schema engine that cannot be downloaded here, so this runner
// keeps Prisma's layout and its `_prisma_migrations` record instead.

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
// Any constant works; it only has to be the same for every process migrating this database.
const LOCK_KEY = 7_245_119_001;

export class MigrationError extends Error {}

export type Migration = { name: string; sql: string; checksum: string };

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(e.name)).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                  varchar(36) PRIMARY KEY,
    checksum            varchar(64) NOT NULL,
    finished_at         timestamptz,
    migration_name      varchar(255) NOT NULL,
    logs                text,
    rolled_back_at      timestamptz,
    started_at          timestamptz NOT NULL DEFAULT now(),
    applied_steps_count integer NOT NULL DEFAULT 0
  )`;

export type MigrateResult = { applied: string[]; skipped: string[] };

/**
 * Brings the database at `url` up to date. Two processes starting at once serialise on a
 * Postgres advisory lock; an applied migration whose file has since changed is refused.
 */
export async function migrate(url: string, opts: { dir?: string; log?: (line: string) => void } = {}): Promise<MigrateResult> {
  const migrations = await readMigrations(opts.dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const { rows } = await client.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
      const result: MigrateResult = { applied: [], skipped: [] };
      for (const m of migrations) {
        const known = applied.get(m.name);
        if (known !== undefined) {
          if (known !== m.checksum) {
            throw new MigrationError(
              `Migration ${m.name} was changed after it was applied (checksum ${known.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… on disk). Restore the file and add a new migration instead.`,
            );
          }
          result.skipped.push(m.name);
          continue;
        }
        await client.query("BEGIN");
        try {
          await client.query(m.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), now(), 1)`,
            [randomUUID(), m.checksum, m.name],
          );
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK");
          throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${(err as Error).message}`);
        }
        opts.log?.(`applied migration ${m.name}`);
        result.applied.push(m.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
