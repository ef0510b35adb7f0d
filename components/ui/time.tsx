import { formatDate } from "@/lib/format";

/** A machine-readable date shown the Swedish way: <time datetime="…">7 september 2022</time>. */
export function Time({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {formatDate(iso)}
    </time>
  );
}
