import { describe, expect, it } from "vitest";
import { storyTags, tags } from "./cache";

describe("storyTags", () => {
  const story = {
    slug: "stenungsund-tar-taten",
    organisations: [{ slug: "stenungsund" }, { slug: "goteborgsregionen" }],
    topics: [{ slug: "foretagsklimat" }],
    networks: [{ slug: "naringslivsstrategiskt-program" }],
    people: [{ slug: "kicki-nordberg" }],
    series: { slug: "kommundirektorerna-om-pandemin" },
  };

  it("names the story's page, the general lists and every entity page that lists it", () => {
    expect(storyTags(story).sort()).toEqual(
      [
        "story:stenungsund-tar-taten",
        "stories",
        "organisations",
        "org:stenungsund",
        "org:goteborgsregionen",
        "topic:foretagsklimat",
        "network:naringslivsstrategiskt-program",
        "person:kicki-nordberg",
        "series:kommundirektorerna-om-pandemin",
      ].sort(),
    );
  });

  it("leaves out entities the story does not concern", () => {
    const bare = storyTags({ ...story, organisations: [], topics: [], networks: [], people: [], series: null });
    expect(bare.sort()).toEqual([tags.stories, tags.organisations, tags.story("stenungsund-tar-taten")].sort());
    expect(bare.some((t) => t.startsWith("series:") || t.startsWith("org:"))).toBe(false);
  });
});
