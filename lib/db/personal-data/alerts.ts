import "server-only";
import type { PersonalDataSource } from "./types";

// E-mail alerts as a source for data requests (decision 020): the address's lists with their
// frequency and dates, and the mails sent or waiting; erasing deletes the subscriber, and with it
// (by cascade) every subscription and every mail to the address still in the outbox. No public
// page shows any of it, so nothing is invalidated.

export const alertsSource: PersonalDataSource = {
  key: "alerts",
  label: "E-postbevakningar",
  async find(client, email) {
    const subscriber = await client.alertSubscriber.findUnique({
      where: { email: email.trim().toLowerCase() },
      select: {
        email: true,
        createdAt: true,
        subscriptions: { select: { scope: true, targetId: true, frequency: true, createdAt: true, confirmedAt: true, lastSentAt: true }, orderBy: { createdAt: "asc" } },
        outbox: { select: { subject: true, status: true, createdAt: true, sentAt: true }, orderBy: { id: "asc" } },
      },
    });
    if (!subscriber) return { count: 0, records: [] };
    return { count: subscriber.subscriptions.length, records: [{ email: subscriber.email, since: subscriber.createdAt, subscriptions: subscriber.subscriptions, mails: subscriber.outbox }] };
  },
  async erase(tx, email) {
    const address = email.trim().toLowerCase();
    const count = await tx.alertSubscription.count({ where: { subscriber: { email: address } } });
    await tx.alertSubscriber.deleteMany({ where: { email: address } });
    // Mails queued to the address without a subscriber (none today) go too.
    await tx.alertOutbox.deleteMany({ where: { toAddress: address, status: { not: "SENT" } } });
    return { count, tags: [] };
  },
};
