import Image from "next/image";
import Link from "next/link";
import type { StoryCard as StoryCardData } from "@/lib/db/public";
import { kindLabel } from "@/lib/format";
import { storyPath } from "@/lib/paths";
import { Time } from "@/components/ui/time";
import { Abbreviated } from "@/components/ui/abbreviated";

type Props = { story: StoryCardData; headingLevel?: 2 | 3; size?: "normal" | "large"; priority?: boolean };

export function StoryCard({ story, headingLevel = 2, size = "normal", priority = false }: Props) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const media = size === "large" ? "aspect-video w-full rounded" : "mb-3 aspect-video w-full rounded";
  return (
    <article className={size === "large" ? "grid gap-6 md:grid-cols-2 md:items-center" : "flex flex-col"}>
      {story.image ? (
        <Image
          src={story.image.src}
          alt=""
          width={story.image.width}
          height={story.image.height}
          sizes={size === "large" ? "(min-width: 768px) 66vw, 100vw" : "(min-width: 768px) 33vw, 100vw"}
          priority={priority}
          className={`${media} object-cover`}
        />
      ) : (
        // Same box as a photo, so a grid of cards keeps its rows level.
        <div aria-hidden="true" data-card-placeholder="" className={`${media} flex items-center justify-center bg-brand-50 text-brand-600`}>
          <svg viewBox="0 0 48 48" className="h-12 w-12 opacity-60" fill="none" stroke="currentColor" strokeWidth="2">
            <rect x="6" y="10" width="36" height="28" rx="2" />
            <path d="M12 18h24M12 24h24M12 30h14" />
          </svg>
        </div>
      )}
      <div>
      <p className="text-sm font-semibold uppercase tracking-wide text-accent-500">
        {kindLabel(story.kind)}
        <span className="sr-only">,</span>
      </p>
      <Heading className={size === "large" ? "mt-1 text-2xl font-bold leading-snug md:text-3xl" : "mt-1 text-xl font-bold leading-snug"}>
        <Link href={storyPath(story)} className="text-slate-900 no-underline hover:underline">
          <Abbreviated text={story.title} />
        </Link>
      </Heading>
      <p className="mt-2 text-slate-700">
        <Abbreviated text={story.lead} />
      </p>
      <p className="mt-2 text-sm text-slate-600">
        <Time iso={story.publishedAt} />
        {story.organisations.map((o, i) => (
          <span key={o.slug}>
            {i === 0 ? " · " : ", "}
            {o.shortName ? <abbr title={o.name}>{o.shortName}</abbr> : o.name}
          </span>
        ))}
      </p>
      </div>
    </article>
  );
}

/** `leadImagePriority`: the grid opens the page, so its first image is what a phone paints first (fetched early, not lazily). */
export function StoryGrid({ stories, headingLevel = 2, leadImagePriority = false }: { stories: StoryCardData[]; headingLevel?: 2 | 3; leadImagePriority?: boolean }) {
  return (
    <ul className="grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
      {stories.map((s, i) => (
        <li key={s.id}>
          <StoryCard story={s} headingLevel={headingLevel} priority={leadImagePriority && i === 0} />
        </li>
      ))}
    </ul>
  );
}
