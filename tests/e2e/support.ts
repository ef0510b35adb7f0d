import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const STORIES = {
  news: "/nyheter/lerum-med-i-svenskt-naringslivs-utvecklingsprogram",
  newsWithPhotos: "/nyheter/vardskap-mot-foretag-en-fraga-for-hela-kommunen",
  interview: "/intervjuer/ett-natverk-som-gar-over-kommungranserna",
  seriesInterview: "/intervjuer/stenungsund-tar-taten-i-regionens-foretagsklimat",
};

/** One URL per public page type, with the heading a reader sees first. */
export const PAGE_TYPES: { name: string; path: string; h1: RegExp }[] = [
  { name: "startsida", path: "/", h1: /Näringslivsnytt/ },
  { name: "nyhetslista", path: "/nyheter", h1: /^Nyheter$/ },
  { name: "nyhetslista sida 2", path: "/nyheter/sida/2", h1: /Nyheter, sida 2/ },
  { name: "intervjulista", path: "/intervjuer", h1: /^Intervjuer$/ },
  { name: "nyhet", path: STORIES.news, h1: /Lerum/ },
  { name: "nyhet med bilder", path: STORIES.newsWithPhotos, h1: /[Vv]ärdskap/ },
  { name: "intervju", path: STORIES.interview, h1: /nätverk/i },
  { name: "intervju i serie", path: STORIES.seriesInterview, h1: /Stenungsund/ },
  { name: "nätverkslista", path: "/natverk", h1: /Nätverk och program/ },
  { name: "nätverk", path: "/natverk/naringslivsnatverket-goteborgsregionen", h1: /Göteborgsregionen/ },
  { name: "kommunlista", path: "/kommuner", h1: /Kommuner/ },
  { name: "kommun", path: "/kommuner/lerum", h1: /Lerums kommun/ },
  { name: "organisation", path: "/organisationer/svenskt-naringsliv", h1: /Svenskt Näringsliv/ },
  { name: "ämneslista", path: "/amnen", h1: /^Ämnen$/ },
  { name: "ämne", path: "/amnen/foretagsklimat", h1: /Företagsklimat/ },
  { name: "personlista", path: "/personer", h1: /^Personer$/ },
  { name: "person", path: "/personer/pia-areblad", h1: /Pia Areblad/ },
  { name: "serielista", path: "/serier", h1: /^Serier$/ },
  { name: "serie", path: "/serier/kommundirektorerna-om-pandemin", h1: /./ },
  { name: "om", path: "/om", h1: /./ },
  { name: "kontakt", path: "/kontakt", h1: /./ },
  { name: "tillgänglighet", path: "/tillganglighet", h1: /[Tt]illgänglighet/ },
  { name: "om kakor", path: "/om-kakor", h1: /[Kk]akor/ },
  { name: "integritet", path: "/integritet", h1: /personuppgifter/ },
  { name: "sök", path: "/sok?q=f%C3%B6retagsklimat", h1: /^Sök$/ },
  { name: "sök utan sökord", path: "/sok", h1: /^Sök$/ },
  { name: "nyhetsarkiv", path: "/nyheter/arkiv/2020", h1: /Nyheter från 2020/ },
  { name: "nyhetsarkiv månad", path: "/nyheter/arkiv/2020/2", h1: /Nyheter från februari 2020/ },
  { name: "kommun sida 2", path: "/kommuner/lerum/sida/2", h1: /Lerums kommun/ },
  { name: "ämnesarkiv", path: "/amnen/foretagsklimat/arkiv/2021", h1: /Företagsklimat 2021/ },
  { name: "404", path: "/finns-inte-alls", h1: /Sidan finns inte/ },
  { name: "404 för okänd artikel", path: "/nyheter/finns-inte", h1: /Sidan finns inte/ },
];

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

/** Signs in through the form, as staff do, and waits for the newsroom's overview. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}
