import { formatDate } from "@/lib/format";

/**
 * A machine-readable date shown the Swedish way: <time datetime="…">7 september 2022</time>,
 * or as `text` when the caller formats it otherwise (with the time of day).
 */
export function Time({ iso, className, text }: { iso: string; className?: string; text?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {text ?? formatDate(iso)}
    </time>
  );
}
