// Shared by the alert form (a client component) and the server pages around it.

export type AlertTarget = { scope: "SITE" | "ORGANISATION" | "TOPIC" | "NETWORK"; targetId: string | null; name: string };

export const FREQUENCIES = [
  { value: "IMMEDIATE", label: "Direkt" },
  { value: "DAILY", label: "Dagligen" },
  { value: "WEEKLY", label: "Veckovis" },
] as const;

export const FREQUENCY_LABEL: Record<(typeof FREQUENCIES)[number]["value"], string> = { IMMEDIATE: "Direkt", DAILY: "Dagligen", WEEKLY: "Veckovis" };

/** The whole site as one list. */
export const SITE_ALERTS: AlertTarget = { scope: "SITE", targetId: null, name: "hela Näringslivsnytt" };
