// Where browsers report what the Content-Security-Policy blocked (lib/csp.ts `report-uri`).
// Each report is one log line; at most 20 a minute per process are logged and the rest counted,
// so a page that breaks for every reader (or someone posting junk) cannot flood the log.

const MAX_BODY = 16 * 1024;
const PER_MINUTE = 20;
const recent = { start: 0, logged: 0, dropped: 0 };

type Report = { "blocked-uri"?: unknown; "violated-directive"?: unknown; "effective-directive"?: unknown; "document-uri"?: unknown; blockedURL?: unknown; effectiveDirective?: unknown; documentURL?: unknown };

/** The fields worth a log line, from the old (csp-report) and the new (Reporting API) formats. */
function summaries(body: unknown): string[] {
  const reports: Report[] = Array.isArray(body)
    ? body.map((r) => (r as { body?: Report }).body ?? {})
    : [((body as { "csp-report"?: Report } | null)?.["csp-report"] ?? {}) as Report];
  return reports.map((r) => {
    const field = (v: unknown) => String(v ?? "-").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200);
    return `${field(r["effective-directive"] ?? r.effectiveDirective ?? r["violated-directive"])} blocked ${field(r["blocked-uri"] ?? r.blockedURL)} on ${field(r["document-uri"] ?? r.documentURL)}`;
  });
}

export async function POST(request: Request) {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(csp-report|reports\+json|json)\b/i.test(type)) return new Response(null, { status: 415 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return new Response(null, { status: 413 });
  const text = await request.text();
  if (text.length > MAX_BODY) return new Response(null, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(null, { status: 400 });
  }
  const now = Date.now();
  if (now - recent.start > 60_000) {
    if (recent.dropped) console.warn(`[csp] ${recent.dropped} more reports in the last minute, not logged`);
    Object.assign(recent, { start: now, logged: 0, dropped: 0 });
  }
  for (const line of summaries(body)) {
    // zod 4 probes once per page whether `new Function` is allowed and falls back when it is
    // not: expected under our policy, not worth a log line.
    if (/^script-src(-elem)? blocked eval /.test(line)) continue;
    if (recent.logged < PER_MINUTE) {
      recent.logged++;
      console.warn(`[csp] ${line}`);
    } else recent.dropped++;
  }
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
