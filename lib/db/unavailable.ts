// Whether an error means "the database is not answering" (down, frozen, restarting, out of
// connections) rather than a bug or a refused write. Such errors get a Swedish message and a
// 503 instead of a 500; everything else still fails loudly.

// Prisma: cannot reach (P1001), connect time-out (P1002), operation time-out (P1008), connection
// closed (P1017), no pool connection in time (P2024), transaction could not start or had ended
// (P2028).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// PostgreSQL SQLSTATEs: connection exceptions (08…), statement time-out or cancel (57014),
// shutting down or starting up (57P01–57P03), too many connections (53300), idle-in-transaction
// time-out (25P03).
const SQLSTATE = /^(08\d{3}|57014|57P0[123]|53300|25P03)$/;
// Driver-level kinds from @prisma/adapter-pg and node-postgres' own wording.
const DRIVER_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "SocketTimeout", "ConnectionClosed", "TooManyConnections", "TransactionAlreadyClosed"]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection timeout|Can't reach database server|Timed out fetching a new connection|Server has closed the connection|the database system is (starting up|shutting down)|canceling statement due to statement timeout|Transaction already closed|Unable to start a transaction in the given time|Client has encountered a connection error and is not queryable/i;

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 8 || err === null || typeof err !== "object") return false;
  const e = err as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown; errors?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SQLSTATE.test(e.code) || NODE_CODES.has(e.code))) return true;
  if (typeof e.originalCode === "string" && SQLSTATE.test(e.originalCode)) return true;
  if (typeof e.kind === "string" && DRIVER_KINDS.has(e.kind)) return true;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true; // AggregateError
  // Prisma's own code for a failed query (P2010, P2039 …) wraps the driver's error, SQLSTATE and all.
  if (e.meta && typeof e.meta === "object" && isDatabaseUnavailable(e.meta.driverAdapterError, depth + 1)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export const DATABASE_UNAVAILABLE = "Databasen svarar inte just nu, så inget sparades. Allt du skrev finns kvar här: försök igen om en liten stund.";
