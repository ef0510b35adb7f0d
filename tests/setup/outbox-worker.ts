// A separate process that delivers the alert outbox, for tests/integration/alert-outbox.test.ts
// to kill in the middle: `node --import tsx --conditions=react-server tests/setup/outbox-worker.ts <smtp url>`
// with DATABASE_URL set to the test file's database.
import { createDb } from "@/lib/db/client";
import { deliverOutbox } from "@/lib/db/alert-outbox";
import { createMailer } from "@/lib/mail/mailer";

const client = createDb(process.env.DATABASE_URL!);
const result = await deliverOutbox(client, createMailer(process.argv[2], "Näringslivsnytt <noreply@test.local>"), { host: "naringslivsnytt.test", batch: 5, leaseMs: 60_000 });
console.log(JSON.stringify(result));
await client.$disconnect();
