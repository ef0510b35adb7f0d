import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3200);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  // The two-instance test measures how fast a change crosses between servers (within 1 s): it
  // runs after the rest, so it does not share this 2-core machine with the other specs' servers;
  // the database-outage test, which starts a server of its own, runs after that.
  projects: [
    { name: "site", testIgnore: /(instances|outage)\.spec\.ts$/ },
    { name: "instances", testMatch: /instances\.spec\.ts$/, dependencies: ["site"] },
    { name: "outage", testMatch: /outage\.spec\.ts$/, dependencies: ["instances"] },
  ],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  timeout: 30_000,
  use: {
    ...devices["Desktop Chrome"],
    baseURL: BASE_URL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  webServer: {
    command: "node_modules/.bin/tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${BASE_URL}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { E2E_PORT: String(PORT) },
  },
});
