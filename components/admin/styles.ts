// Class names shared by newsroom links and buttons (usable from server and client components).
export function buttonClass(variant: "primary" | "secondary" | "danger" = "primary"): string {
  const base = "inline-block rounded px-4 py-2 font-semibold no-underline disabled:opacity-60";
  if (variant === "primary") return `${base} bg-brand-800 text-white hover:bg-brand-900`;
  if (variant === "danger") return `${base} bg-red-800 text-white hover:bg-red-900`;
  return `${base} border border-slate-500 bg-white text-slate-900 hover:bg-slate-100`;
}

export const tableClass = "mt-4 w-full text-left text-sm";
export const thClass = "border-b border-slate-300 py-2 pr-3 font-semibold";
export const tdClass = "border-b border-slate-100 py-2 pr-3 align-top";
