import Link from "next/link";

/** "Label: A, B, C" with each item a link, on one line of running text. */
export function InlineLinkList({ label, items, className }: { label: string; items: { href: string; name: string }[]; className?: string }) {
  if (items.length === 0) return null;
  return (
    <p className={className}>
      <span className="font-semibold">{label}: </span>
      {items.map((item, i) => (
        <span key={item.href}>
          {i > 0 ? ", " : null}
          <Link href={item.href}>{item.name}</Link>
        </span>
      ))}
    </p>
  );
}
