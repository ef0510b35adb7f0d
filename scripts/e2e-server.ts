// The server Playwright starts for the end-to-end tests (see playwright.config.ts), and stops
// with SIGTERM. Tests read the database address from E2E_DB_URL_FILE and the mails the site
// sent from E2E_MAILBOX_DIR.
import { mkdir, writeFile } from "node:fs/promises";
import { startTestServer } from "./lib/test-server";

export const E2E_DB_URL_FILE = ".data/e2e-db-url";
/** Every mail the site sends lands here, one JSON file each (a real SMTP server: tests/e2e/mailbox.ts). */
export const E2E_MAILBOX_DIR = ".data/e2e-mailbox";

try {
  const server = await startTestServer({ port: Number(process.env.E2E_PORT ?? 3200), mailboxDir: E2E_MAILBOX_DIR });
  await mkdir(".data", { recursive: true });
  await writeFile(E2E_DB_URL_FILE, server.databaseUrl);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.next.on("exit", (code) => void server.stop().then(() => process.exit(code ?? 1)));
  console.log(`ready on ${server.url}`);
} catch (err) {
  console.error(err);
  process.exit(1);
}
