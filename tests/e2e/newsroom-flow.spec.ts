import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { waitForMail } from "./mailbox";
import { expectNoAxeViolations, signIn } from "./support";
import { TEST_ADMIN, TEST_EDITOR } from "./test-accounts";

// The whole newsroom flow in a real browser: an administrator invites a writer, the writer
// sets a password and writes an interview with an uploaded image and Q&A blocks, an editor
// schedules it, it appears on its own, its slug changes (the old URL redirects) and it is
// unpublished (its URL then answers 404). Every newsroom page on the way is checked with axe.

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const WRITER = { email: `ny-skribent-${stamp}@test.local`, name: "Nina Skribent", password: "ett-eget-langt-losenord-2026" };
const TITLE = `Bageriet i Lerum anställer tio ${stamp}`;
const QUESTION = "Varför väljer ni att växa just nu?";
const ANSWER = "Efterfrågan på surdegsbröd har fördubblats sedan i våras.";

let inviteLink = "";
let storyUrl = "";
let slug = "";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  const page = await context.newPage();
  page.on("dialog", (d) => void d.accept());
  return page;
}

/** Stockholm wall-clock time `seconds` from now, as a datetime-local value with seconds. */
function stockholmIn(seconds: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(Date.now() + seconds * 1000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

test("an administrator invites a writer by e-mail address", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await newPage(browser);
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Användare" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // After a client-side navigation the title arrives with the streamed metadata, after the h1.
  await expect(page).toHaveTitle(/Användare/);
  await expectNoAxeViolations(page);
  await page.goto("/admin/anvandare/bjud-in");
  await page.getByLabel("E-postadress").fill(WRITER.email);
  await page.getByLabel("Namn").fill(WRITER.name);
  await page.getByLabel("Roll").selectOption("WRITER");
  await page.getByRole("checkbox", { name: "Lerums kommun" }).check();
  await page.getByRole("button", { name: "Skicka inbjudan" }).click();
  // The test site sends mail through a real SMTP server: the invite is read from the writer's mailbox.
  await expect(page.getByText(`En inbjudan har skickats till ${WRITER.email}.`)).toBeVisible();
  const mail = await waitForMail(WRITER.email);
  inviteLink = /https?:\/\/\S+\/nytt-losenord\/[A-Za-z0-9_-]{20,}/.exec(mail.text)?.[0] ?? "";
  expect(inviteLink).toMatch(/\/nytt-losenord\/[A-Za-z0-9_-]{20,}$/);
  await expectNoAxeViolations(page);
});

test("the writer sets a password, writes an interview with an image and Q&A, and submits it", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await newPage(browser);
  await page.goto(new URL(inviteLink).pathname);
  await expectNoAxeViolations(page);
  await page.getByLabel("Nytt lösenord").fill(WRITER.password);
  await page.getByLabel("Upprepa lösenordet").fill(WRITER.password);
  await page.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(page).toHaveURL(/\/logga-in/);
  await signIn(page, WRITER.email, WRITER.password);

  await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Artiklar" }).click();
  await page.getByRole("link", { name: "Ny artikel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny artikel" })).toBeVisible();
  await page.getByRole("radio", { name: "Intervju" }).check();
  await page.getByLabel("Rubrik", { exact: false }).first().fill(TITLE);
  await page.getByLabel("Ingress").fill("Ett familjebageri i Lerum bygger ut och söker tio nya medarbetare till våren.");

  // A validation error keeps every typed word: save before choosing an interviewee is fine,
  // but an empty question is not.
  const body = page.getByRole("textbox", { name: "Brödtext" });
  await body.click();
  await page.keyboard.type("Bageriet har funnits i tre generationer. ");
  await page.getByRole("button", { name: "Fråga och svar" }).click();
  await page.keyboard.type(QUESTION);
  await page.locator(".editor-answer p").last().click();
  await page.keyboard.type(ANSWER);

  // An image from the media library: uploaded here, with its alt text.
  const dir = await mkdtemp(path.join(os.tmpdir(), "nn-e2e-"));
  const file = path.join(dir, "bageri.png");
  await writeFile(file, await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 190, g: 140, b: 90 } } }).png().toBuffer());
  await body.click();
  await page.keyboard.press("End");
  await page.getByRole("button", { name: "Bild", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Välj en bild" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByLabel("Bildfil", { exact: false }).setInputFiles(file);
  await dialog.getByLabel("Alternativtext", { exact: false }).fill("Nybakat bröd på en plåt i bageriet");
  await dialog.getByLabel("Fotograf").fill("Nina Skribent");
  await dialog.getByRole("button", { name: "Ladda upp och välj" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(".editor-body img[alt='Nybakat bröd på en plåt i bageriet']")).toBeVisible();

  await page.getByRole("group", { name: "Intervjuade personer" }).getByRole("checkbox", { name: /Åsa Qvist/ }).check();
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  // (Autosave may already have created the draft; this save then updates it.)
  await expect(page.getByText(/^Artikeln är sparad/)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/artiklar\/[0-9a-f-]{36}$/);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(page.getByText("Artikeln är skickad för granskning.")).toBeVisible();
  await expect(page.getByText("Status: Granskas")).toBeVisible();
});

test("an editor reviews and schedules it; it appears on its own on every page that lists it", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await newPage(browser);
  await signIn(page, TEST_EDITOR.email, TEST_EDITOR.password);
  await page.goto("/admin/artiklar?status=IN_REVIEW");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator(".editor-question")).toHaveText(QUESTION);
  await expectNoAxeViolations(page);

  await page.getByLabel("Publicera vid (svensk tid)").fill(stockholmIn(8));
  await page.getByRole("button", { name: "Schemalägg" }).click();
  await expect(page.getByText("Artikeln är schemalagd.")).toBeVisible();
  slug = await page.getByLabel("Adress (slug)").inputValue();
  storyUrl = `/intervjuer/${slug}`;
  expect((await page.request.get(storyUrl)).status()).toBe(404);

  // Nobody visits anything: the scheduler publishes it, and the cached lists are invalidated.
  for (const listing of ["/", "/intervjuer", "/kommuner/lerum", "/feed.xml", "/kommuner/lerum/atom.xml"]) {
    await expect(async () => {
      const html = await (await page.request.get(listing)).text();
      expect(html).toContain(TITLE);
    }).toPass({ timeout: 30_000, intervals: [1000] });
  }
  expect(await (await page.request.get("/sitemaps/artiklar-1.xml")).text()).toContain(`/intervjuer/${slug}`);
  await page.goto(storyUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.locator(".qa-list .qa-question")).toHaveText(QUESTION);
  await expect(page.getByRole("heading", { name: QUESTION })).toBeVisible();
  await expect(page.locator(".qa-list .qa-answer")).toContainText(ANSWER);
  await expect(page.locator("img[alt='Nybakat bröd på en plåt i bageriet']")).toBeVisible();
});

test("the editor changes the slug (the old URL redirects) and unpublishes it (404)", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, TEST_EDITOR.email, TEST_EDITOR.password);
  await page.goto("/admin/artiklar?q=" + encodeURIComponent(TITLE));
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByText("Status: Publicerad")).toBeVisible();
  const newSlug = `${slug}-ny`;
  await page.getByLabel("Adress (slug)").fill(newSlug);
  await page.getByRole("button", { name: "Spara och publicera ändringarna" }).click();
  await expect(page.getByText("Ändringarna är publicerade.")).toBeVisible();

  const moved = await page.request.get(storyUrl, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers().location).toContain(`/intervjuer/${newSlug}`);
  expect((await page.request.get(`/intervjuer/${newSlug}`)).status()).toBe(200);

  await page.getByRole("button", { name: "Avpublicera" }).click();
  await expect(page.getByText("Artikeln är avpublicerad")).toBeVisible();
  expect((await page.request.get(`/intervjuer/${newSlug}`)).status()).toBe(404);
  const listing = await (await page.request.get("/intervjuer")).text();
  expect(listing).not.toContain(TITLE);
});
