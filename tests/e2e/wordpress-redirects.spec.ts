import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { STORIES } from "./support";

// An imported WordPress site's old addresses (path_redirect, decision 023) answer one 308 to
// where the content is now; everything else keeps the answer it had.

const storySlug = STORIES.news.split("/").pop()!;

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: readFileSync(".data/e2e-db-url", "utf8") });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO path_redirect (path, story_id) SELECT p, id FROM story, unnest($2::text[]) p WHERE slug = $1 ON CONFLICT DO NOTHING`,
      [storySlug, ["/2021/05/ny-saluhall-e2e", "/?p=4711", "/2019/k%C3%B6p-lokalt"]],
    );
    await client.query(`INSERT INTO path_redirect (path, page_id) SELECT '/om-oss-e2e', id FROM page WHERE slug = 'om' ON CONFLICT DO NOTHING`);
  } finally {
    await client.end();
  }
});

const get = (request: import("@playwright/test").APIRequestContext, path: string) => request.get(path, { maxRedirects: 0 });
// Next sends a redirect's first render with its Location twice (the same value; browsers follow
// it, as they do for a changed story slug); every value must be the new address.
const locations = (res: import("@playwright/test").APIResponse) => (res.headers()["location"] ?? "").split(", ");

test("a WordPress permalink answers one 308 to the story", async ({ request }) => {
  for (const path of ["/2021/05/ny-saluhall-e2e/", "/2019/köp-lokalt/", "/2019/k%c3%b6p-lokalt/", "/2019/k%C3%B6p-lokalt/"]) {
    const res = await get(request, path);
    expect(res.status(), path).toBe(308);
    for (const location of locations(res)) expect(location, path).toBe(STORIES.news);
  }
  // And again, now from the stored render.
  expect(locations(await get(request, "/2021/05/ny-saluhall-e2e/"))).toEqual([STORIES.news]);
});

test("/?p=ID and an old page's address answer 308 to where they are now", async ({ request }) => {
  const post = await get(request, "/?p=4711");
  expect(post.status()).toBe(308);
  for (const location of locations(post)) expect(location).toBe(STORIES.news);
  const page = await get(request, "/om-oss-e2e/");
  expect(page.status()).toBe(308);
  for (const location of locations(page)) expect(location).toBe("/om");
});

test("other addresses keep their answers: the slash redirect, the home page, 404s", async ({ request }) => {
  const slashed = await get(request, "/nyheter/");
  expect(slashed.status()).toBe(308);
  for (const location of locations(slashed)) expect(location).toBe("/nyheter");
  const unknown = await get(request, "/2021/05/aldrig-importerad/");
  expect(unknown.status()).toBe(308);
  for (const location of locations(unknown)) expect(location).toBe("/2021/05/aldrig-importerad");
  // Without the slash an address is not looked up: Next's own 404, as before (decision 023).
  for (const path of ["/2021/05/aldrig-importerad", "/2021/05/ny-saluhall-e2e"]) {
    const missing = await get(request, path);
    expect(missing.status(), path).toBe(404);
    expect(await missing.text()).toContain("Sidan finns inte");
  }
  // A post id no import brought: the home page it always was, by a temporary redirect.
  const unknownPost = await get(request, "/?p=4712");
  expect(unknownPost.status()).toBe(307);
  for (const location of locations(unknownPost)) expect(location).toBe("/");
  expect((await get(request, "/?p=abc")).status()).toBe(200); // no post id: the home page, as before
  for (const path of ["/2021/%zz/", "/2021/%E2%82/x", "/%C0%AF/", "/gammal-adress/p/x", "/gammal-adress/snedstreck", "/gammal-adress/annat/x"]) expect((await get(request, path)).status(), path).toBe(404);
});
