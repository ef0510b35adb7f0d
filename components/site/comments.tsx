import { CommentForm } from "@/components/site/comment-form";
import { Time } from "@/components/ui/time";
import { commentCountLabel, commentsOpen } from "@/lib/comments/rules";
import { env } from "@/lib/env";
import { getStoryComments } from "@/lib/queries";

// The comments under a story (issue 11, decision 019): the published ones with their count,
// each as plain text (a web address in one is text, never a link), the organisation's reply
// marked as its own, and the form while commenting is open. Part of the story's stored page:
// approving a comment invalidates the story's tag, a pending one changes nothing here.

const DAY = 24 * 60 * 60 * 1000;

export async function StoryComments({ story }: { story: { id: string; slug: string; publishedAt: string | null } }) {
  const { comments, closedByHand } = await getStoryComments(story);
  const days = env().COMMENTS_CLOSE_AFTER_DAYS;
  const publishedAt = story.publishedAt ? new Date(story.publishedAt) : null;
  const open = commentsOpen({ commentsClosed: closedByHand, publishedAt }, days);
  const closesAt = open && days > 0 && publishedAt ? new Date(publishedAt.getTime() + days * DAY).toISOString() : null;
  return (
    <section aria-labelledby="kommentarer" className="mx-auto mt-12 max-w-3xl border-t border-slate-200 pt-8">
      <h2 id="kommentarer" className="text-2xl font-bold">
        {comments.length ? commentCountLabel(comments.length) : "Inga kommentarer än"}
      </h2>
      {comments.length ? (
        <ol className="mt-6 space-y-6">
          {comments.map((c) => (
            <li key={c.id} className="border-l-4 border-slate-200 pl-4">
              <p className="text-sm text-slate-700">
                <span className="font-semibold text-slate-900">{c.authorName}</span> · <Time iso={c.createdAt} />
              </p>
              <p className="mt-1 whitespace-pre-line break-words">{c.body}</p>
              {c.reply ? (
                <div className="mt-3 rounded bg-brand-50 p-3">
                  <p className="text-sm font-semibold">
                    Svar från {c.reply.organisation} · <Time iso={c.reply.at} />
                  </p>
                  <p className="mt-1 whitespace-pre-line break-words">{c.reply.body}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {open ? <CommentForm storyId={story.id} closesAt={closesAt} /> : <p className="mt-6 font-semibold">Kommentarerna är stängda.</p>}
    </section>
  );
}
