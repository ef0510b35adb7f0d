import "server-only";
import { db } from "@/lib/db/client";
import { listOrganisationChoices } from "@/lib/db/entities/organisations";
import { listPersonChoices } from "@/lib/db/entities/people";
import { listTopicChoices } from "@/lib/db/entities/topics";

/** What the network form lets you pick from. */
export async function networkChoices() {
  const [organisations, topics, people] = await Promise.all([listOrganisationChoices(db()), listTopicChoices(db()), listPersonChoices(db())]);
  return { organisations, topics, people };
}
