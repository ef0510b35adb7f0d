import type { PoolConfig } from "pg";
import type { Env } from "@/lib/env";

// How the app talks to PostgreSQL when it is slow or gone: every path has a time-out.
//  - connecting, and waiting for a free pool connection: DB_CONNECT_TIMEOUT_MS;
//  - a statement: DB_STATEMENT_TIMEOUT_MS, enforced by the server (statement_timeout) and, for a
//    server that no longer answers at all, by the client a second later (query_timeout);
//  - a transaction left open: DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, ended by the server.
// Prisma's interactive transactions wait at most the connect time-out for a connection and may
// run as long as one statement.

export type Timeouts = Pick<Env, "DB_POOL_SIZE" | "DB_CONNECT_TIMEOUT_MS" | "DB_STATEMENT_TIMEOUT_MS" | "DB_IDLE_IN_TRANSACTION_TIMEOUT_MS">;

export function poolConfig(connectionString: string, t: Timeouts): PoolConfig {
  return {
    connectionString,
    max: t.DB_POOL_SIZE,
    connectionTimeoutMillis: t.DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: t.DB_STATEMENT_TIMEOUT_MS,
    query_timeout: t.DB_STATEMENT_TIMEOUT_MS + 1000,
    idle_in_transaction_session_timeout: t.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    application_name: "naringslivsnytt",
    // TCP keep-alive finds a dead peer on an idle connection.
    keepAlive: true,
  };
}

export function transactionOptions(t: Timeouts) {
  return { maxWait: t.DB_CONNECT_TIMEOUT_MS, timeout: t.DB_STATEMENT_TIMEOUT_MS };
}
