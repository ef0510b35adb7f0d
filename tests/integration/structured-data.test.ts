import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getOrganisation } from "@/lib/db/organisations";
import { getPerson } from "@/lib/db/people";
import { getPublishedStory } from "@/lib/db/stories";
import { breadcrumbLd, newsArticleLd, organisationLd, personLd, websiteLd } from "@/lib/seo";
import { createOrganisation, createPerson, createStory, createTopic } from "../factories";

// The JSON-LD built from real records, checked against the properties Google documents as
// required or recommended for each type.
beforeAll(async () => {
  const lerum = await createOrganisation(db(), { slug: "lerum", name: "Lerums kommun" });
  const sn = await createOrganisation(db(), { slug: "svenskt-naringsliv", name: "Svenskt Näringsliv", kind: "ASSOCIATION", county: null });
  const topic = await createTopic(db(), { slug: "foretagsklimat", name: "Företagsklimat" });
  const asa = await createPerson(db(), { slug: "asa-qvist", name: "Åsa Qvist", organisationId: lerum.id });
  await createStory(db(), {
    slug: "lerum-valt", title: "Lerum valt till utvecklingsprogram", publishedAt: new Date("2020-02-04T07:00:00Z"),
    contentUpdatedAt: new Date("2020-02-05T07:00:00Z"), organisationIds: [lerum.id, sn.id], topicIds: [topic.id], personIds: [asa.id], byline: "Redaktionen",
  });
});

describe("JSON-LD", () => {
  it("describes a story as a NewsArticle with the required and recommended properties", async () => {
    const ld = newsArticleLd((await getPublishedStory("lerum-valt"))!);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Lerum valt till utvecklingsprogram",
      datePublished: "2020-02-04T07:00:00.000Z",
      dateModified: "2020-02-05T07:00:00.000Z",
      mainEntityOfPage: { "@type": "WebPage", "@id": "http://localhost:3000/nyheter/lerum-valt" },
      publisher: { "@type": "Organization", name: "Näringslivsnytt", logo: { "@type": "ImageObject" } },
      about: [
        { "@type": "GovernmentOrganization", name: "Lerums kommun", url: "http://localhost:3000/kommuner/lerum" },
        { "@type": "Organization", name: "Svenskt Näringsliv", url: "http://localhost:3000/organisationer/svenskt-naringsliv" },
      ],
      mentions: [{ "@type": "Person", name: "Åsa Qvist", url: "http://localhost:3000/personer/asa-qvist" }],
    });
    // Without a hero image, the generated share image stands in.
    expect(ld.image).toEqual(["http://localhost:3000/og/nyhet/lerum-valt"]);
    expect(ld.author).toEqual([{ "@type": "Organization", name: "Redaktionen", url: "http://localhost:3000/om" }]);
    expect(String(ld.headline).length).toBeLessThanOrEqual(110);
  });

  it("describes people and organisations, municipalities as government organisations", async () => {
    expect(personLd((await getPerson("asa-qvist"))!)).toMatchObject({ "@type": "Person", name: "Åsa Qvist", worksFor: { "@type": "GovernmentOrganization", name: "Lerums kommun" } });
    expect(organisationLd((await getOrganisation("lerum"))!)).toMatchObject({ "@type": "GovernmentOrganization", areaServed: { "@type": "AdministrativeArea", name: "Testlän" } });
    expect(organisationLd((await getOrganisation("svenskt-naringsliv"))!)["@type"]).toBe("Organization");
  });

  it("numbers breadcrumbs from 1 and gives every linked step an absolute URL", () => {
    expect(breadcrumbLd([{ label: "Start", href: "/" }, { label: "Nyheter", href: "/nyheter" }, { label: "En nyhet" }])).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Start", item: "http://localhost:3000/" },
        { "@type": "ListItem", position: 2, name: "Nyheter", item: "http://localhost:3000/nyheter" },
        { "@type": "ListItem", position: 3, name: "En nyhet" },
      ],
    });
  });

  it("offers site search to search engines", () => {
    expect(websiteLd()).toMatchObject({
      "@type": "WebSite",
      potentialAction: { "@type": "SearchAction", target: { urlTemplate: "http://localhost:3000/sok?q={search_term_string}" }, "query-input": "required name=search_term_string" },
    });
  });
});
