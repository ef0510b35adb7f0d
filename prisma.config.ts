import { defineConfig } from "prisma/config";

// Prisma's CLI tries to download its schema engine on every command, and these machines
// are offline. /bin/false makes engine-backed commands fail loudly instead of silently
// doing nothing (/bin/true would). We only use `prisma generate`, `validate` and `format`;
// migrations are plain SQL applied by scripts/migrate.ts.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: {
    // A placeholder keeps `prisma generate` (postinstall) working without DATABASE_URL.
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/naringslivsnytt",
  },
});
