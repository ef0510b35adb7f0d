// A throwaway database with the demo content and the test accounts, for tests that start their
// own servers on it (tests/e2e/instances.spec.ts). Prints one line, `ready <json>` with the
// database URL and the media folder, and removes everything when its standard input closes
// (the test is done with it, or gone) or on SIGTERM.
import { startTestDatabase } from "./lib/test-server";

try {
  const database = await startTestDatabase();
  const stop = () => void database.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop).resume();
  console.log(`ready ${JSON.stringify({ databaseUrl: database.databaseUrl, mediaDir: database.mediaDir })}`);
} catch (err) {
  console.error(err);
  process.exit(1);
}
