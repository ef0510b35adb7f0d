import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CommentsToggle, ModerationNotices, QueueComment } from "@/components/admin/comment-moderation";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { db } from "@/lib/db/client";
import { commentStories, moderatesComments, moderationQueue, type QueueItem } from "@/lib/db/comment-reads";
import { env } from "@/lib/env";
import { requireActor } from "@/lib/newsroom/actor";
import { storyPath } from "@/lib/paths";

export const metadata: Metadata = { title: "Kommentarer" };

// The moderation queue (issue 11, decision 019): readers' comments on the stories of the
// actor's organisations (every story for administrators) wait here until someone approves,
// rejects or marks them as spam; below, the latest published ones and commenting per story.
export default async function CommentsPage() {
  const actor = await requireActor();
  if (!moderatesComments(actor)) forbidden();
  const closeAfterDays = env().COMMENTS_CLOSE_AFTER_DAYS;
  const [pending, published, stories] = await Promise.all([
    moderationQueue(db(), actor, "PENDING"),
    moderationQueue(db(), actor, "PUBLISHED", 20),
    commentStories(db(), actor, { closeAfterDays }),
  ]);
  return (
    <>
      <h1 className="text-3xl font-bold">Kommentarer</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Läsarnas kommentarer visas på artikeln först när en redaktör för någon av artikelns organisationer har godkänt dem. E-postadresserna är personuppgifter: de publiceras aldrig och används bara
        om ni behöver kontakta skribenten.
      </p>
      <ModerationNotices>
        <CommentList id="vantar" title={`Väntar på granskning (${pending.length})`} items={pending} empty="Inga kommentarer väntar på granskning." />
        <CommentList id="publicerade" title="Senast publicerade" items={published} empty="Inga publicerade kommentarer än." />
        <section aria-labelledby="per-artikel" className="mt-10">
          <h2 id="per-artikel" className="text-2xl font-bold">
            Kommentarer per artikel
          </h2>
          <p className="mt-1 text-slate-700">{closeAfterDays ? `Kommentarerna stängs av sig själva ${closeAfterDays} dagar efter publiceringen.` : "Kommentarerna stängs bara för hand."}</p>
          {stories.length ? (
            <table className={tableClass}>
              <caption className="sr-only">De senast publicerade artiklarna, med kommentarer och om kommentarerna är öppna</caption>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>Artikel</th>
                  <th scope="col" className={thClass}>Väntar</th>
                  <th scope="col" className={thClass}>Publicerade</th>
                  <th scope="col" className={thClass}>Kommentarer</th>
                  <th scope="col" className={thClass}>Ändra</th>
                </tr>
              </thead>
              <tbody>
                {stories.map((s) => (
                  <tr key={s.id}>
                    <td className={tdClass}>
                      <a href={storyPath(s)}>{s.title}</a>
                    </td>
                    <td className={tdClass}>{s.pending}</td>
                    <td className={tdClass}>{s.published}</td>
                    <td className={tdClass}>{s.open ? "Öppna" : s.closedByHand ? "Stängda" : "Stängda automatiskt"}</td>
                    <td className={tdClass}>{s.open || s.closedByHand ? <CommentsToggle storyId={s.id} title={s.title} closed={s.closedByHand} /> : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-3">Det finns inga publicerade artiklar för dina organisationer.</p>
          )}
        </section>
      </ModerationNotices>
    </>
  );
}

function CommentList({ id, title, items, empty }: { id: string; title: string; items: QueueItem[]; empty: string }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      {items.length ? (
        <ul className="mt-4 space-y-4">
          {items.map((item) => (
            <QueueComment key={item.id} item={item} />
          ))}
        </ul>
      ) : (
        <p className="mt-3">{empty}</p>
      )}
    </section>
  );
}
