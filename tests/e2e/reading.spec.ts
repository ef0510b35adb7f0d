import { expect, test } from "@playwright/test";
import { STORIES } from "./support";

test("a reader goes from the start page to an interview, its people, network and municipality", async ({ page }) => {
  await page.goto("/");
  const featured = page.getByRole("region", { name: "Utvald intervju" });
  await featured.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/intervjuer\/ett-natverk-som-gar-over-kommungranserna$/);

  // Each question is a heading (screen readers jump between them), one level below the body's
  // headings, followed by its answer; it still looks like bold body text, not like a heading.
  const qa = page.locator("article .qa-list");
  const questions = qa.locator(".qa-question");
  await expect(questions.first()).toBeVisible();
  expect(await questions.count()).toBeGreaterThanOrEqual(4);
  expect(await qa.locator(".qa-answer").count()).toBe(await questions.count());
  expect(await qa.getByRole("heading").count()).toBe(await questions.count());
  const look = await questions.first().evaluate((q) => {
    const answer = q.nextElementSibling!.querySelector("p")!;
    return { question: getComputedStyle(q).fontSize, answer: getComputedStyle(answer).fontSize, weight: getComputedStyle(q).fontWeight };
  });
  expect(look.question).toBe(look.answer);
  expect(look.weight).toBe("700");

  // Dates are machine-readable and Swedish.
  const published = page.locator("article header time").first();
  await expect(published).toHaveText("7 september 2022");
  await expect(published).toHaveAttribute("datetime", /^2022-09-0[67]T/);
  // Never changed after publication, so no separate update date.
  await expect(page.locator("article header dl")).not.toContainText("uppdaterad");

  await page.getByRole("complementary", { name: "Intervjuade" }).getByRole("link", { name: "Pia Areblad" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pia Areblad");
  await page.getByRole("link", { name: /Näringslivsnätverket i Göteborgsregionen/ }).first().click();
  await expect(page).toHaveURL(/\/natverk\/naringslivsnatverket-goteborgsregionen$/);
  await expect(page.getByRole("heading", { name: /Medlemmar \(13\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tidigare möten" })).toBeVisible();
  const upcoming = page.getByRole("heading", { name: "Kommande möten" }).locator("xpath=following-sibling::ul[1]");
  await expect(upcoming).toContainText("Testträff för nätverket");
  await expect(upcoming).toContainText("Lerums kulturhus");
  await expect(upcoming.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);

  await page.getByRole("complementary", { name: "Fakta om samarbetet" }).getByRole("link", { name: "Stenungsund" }).click();
  await expect(page).toHaveURL(/\/kommuner\/stenungsund$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stenungsunds kommun");
  await page.getByRole("link", { name: /Stenungsund tar täten/ }).first().click();
  await expect(page).toHaveURL(STORIES.seriesInterview);
});

test("a story shows its owner, topics, series and related stories, all as working links", async ({ page }) => {
  await page.goto(STORIES.seriesInterview);
  const series = page.getByRole("navigation", { name: /Det här är en del av serien/ });
  await expect(series.locator('[aria-current="page"]')).toContainText("Stenungsund");
  await expect(page.getByText("Sidansvarig:")).toBeVisible();
  await expect(page.locator("figure.hero-figure figcaption")).toContainText("Illustration");
  const hero = page.locator("figure.hero-figure img");
  await expect(hero).toHaveAttribute("width", /\d+/);
  await expect(hero).toHaveAttribute("height", /\d+/);
  expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await page.locator("footer").getByText("Ämnen:").locator("..").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/amnen\//);
  await expect(page.getByRole("heading", { name: /Artiklar om/ })).toBeVisible();

  await page.goBack();
  await series.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/serier\/kommundirektorerna-om-pandemin$/);
  await expect(page.getByRole("link", { name: /Stenungsund tar täten/ })).toBeVisible();
});

test("lists are paginated with stable URLs, newest first", async ({ page }) => {
  await page.goto("/nyheter");
  const firstPage = await page.locator("main article h2").allTextContents();
  // Newest first (other tests may publish stories meanwhile, so by date, not by title).
  const dates = await page.locator("main article time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect(dates.length).toBeGreaterThan(1);
  expect([...dates].sort().reverse()).toEqual(dates);
  expect(firstPage).toContain("Lerum med i Svenskt Näringslivs utvecklingsprogram");
  await page.getByRole("navigation", { name: "Sidnumrering" }).getByRole("link", { name: /Nästa/ }).click();
  await expect(page).toHaveURL(/\/nyheter\/sida\/2$/);
  const secondPage = await page.locator("main article h2").allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.some((t) => firstPage.includes(t))).toBe(false);
  await expect(page.getByRole("navigation", { name: "Sidnumrering" }).locator('[aria-current="page"]')).toContainText("2");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/nyheter\/sida\/2$/);

  await page.goto("/kommuner/lerum/sida/2");
  await expect(page.getByRole("heading", { name: /Artiklar om Lerum, sida 2/ })).toBeVisible();
});

test("bad addresses get a Swedish 404 with a way back, never a server error", async ({ page, request }) => {
  for (const path of [
    "/nyheter?sida=abc",
    "/nyheter?sida=0",
    "/nyheter?sida=-3",
    "/nyheter/sida/99",
    "/nyheter/sida/1",
    "/nyheter/sida/abc",
    "/nyheter/arkiv/1989",
    "/nyheter/arkiv/2010/13",
    "/nyheter/finns-inte",
    "/kommuner/%E2%80%8B",
    "/kommuner/lerum/sida/0",
    "/kommuner/lerum/finns-inte",
    "/personer/<script>",
    "/personer/pia-areblad/arkiv/2010",
    "/amnen/x?sida=1e9",
    "/natverk/finns-inte",
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
  }
  await page.goto("/nyheter/finns-inte");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  await page.getByRole("link", { name: "gå till startsidan" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the query forms of pages and archives answer 308 to their path form", async ({ request }) => {
  for (const [from, to] of [
    ["/nyheter?sida=2", "/nyheter/sida/2"],
    ["/nyheter?sida=1", "/nyheter"],
    ["/nyheter?ar=2010", "/nyheter/arkiv/2010"],
    ["/nyheter?ar=2010&manad=1&sida=2", "/nyheter/arkiv/2010/1/sida/2"],
    ["/intervjuer?sida=2", "/intervjuer/sida/2"],
    ["/kommuner/lerum?sida=2", "/kommuner/lerum/sida/2"],
    ["/amnen/foretagsklimat?ar=2021", "/amnen/foretagsklimat/arkiv/2021"],
    ["/personer/pia-areblad?sida=2", "/personer/pia-areblad/sida/2"],
  ]) {
    const res = await request.get(from!, { maxRedirects: 0 });
    expect(res.status(), from).toBe(308);
    expect(new URL(res.headers()["location"]!, "http://x").pathname + new URL(res.headers()["location"]!, "http://x").search, from).toBe(to);
  }
});

test("a story asked for under the wrong kind redirects permanently to its real address", async ({ request }) => {
  const res = await request.get("/nyheter/ett-natverk-som-gar-over-kommungranserna", { maxRedirects: 0 });
  expect(res.status()).toBe(308);
  expect(res.headers()["location"]).toMatch(/\/intervjuer\/ett-natverk-som-gar-over-kommungranserna$/);
  const org = await request.get("/kommuner/svenskt-naringsliv", { maxRedirects: 0 });
  expect(org.status()).toBe(308);
  expect(org.headers()["location"]).toMatch(/\/organisationer\/svenskt-naringsliv$/);
});
