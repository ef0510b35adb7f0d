// Small answers the newsroom's route handlers share: never stored by anyone.

/** A plain-text answer in Swedish, e.g. a refusal a browser shows as it is. */
export const plainText = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** 303 See Other: after a POST, the browser goes on with a GET of `location`. */
export const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
