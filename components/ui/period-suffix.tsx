import { periodLabel, type Period } from "@/lib/period";

/** An archive's year or month after the page's name in its h1: "Företagsklimat 2021". */
export function PeriodSuffix({ period }: { period?: Period }) {
  return period ? <span className="text-slate-600"> {periodLabel(period)}</span> : null;
}
