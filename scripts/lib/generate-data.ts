import pg from "pg";

// A large, deterministic data set for scale tests and benchmarks: 290 municipalities in the
// 21 counties, topics, networks and N stories with Swedish-looking text, all made in SQL so
// 100 000 stories take seconds. Ids are derived from md5 of a counter, dates and texts from
// modular arithmetic: the same N always gives the same data.

const COUNTIES = [
  "Blekinge län", "Dalarnas län", "Gotlands län", "Gävleborgs län", "Hallands län", "Jämtlands län", "Jönköpings län",
  "Kalmar län", "Kronobergs län", "Norrbottens län", "Skåne län", "Stockholms län", "Södermanlands län", "Uppsala län",
  "Värmlands län", "Västerbottens län", "Västernorrlands län", "Västmanlands län", "Västra Götalands län", "Örebro län", "Östergötlands län",
];

const WORDS = [
  "företagsklimat", "näringsliv", "kompetensförsörjning", "upphandling", "etablering", "företagsbesök", "myndighetsutövning",
  "bemötande", "värdskap", "samverkan", "industri", "besöksnäring", "handel", "entreprenörer", "tillväxt", "arbetsmarknad",
  "kommunstyrelsen", "näringslivschefen", "strategin", "handlingsplanen", "nätverket", "utbildningen", "skolan", "gymnasiet",
  "bygglov", "detaljplanen", "markanvändning", "logistik", "hamnen", "turismen", "innovation", "digitalisering", "energi",
  "omställning", "landsbygden", "centrum", "service", "dialog", "frukostmöte", "rankningen", "enkäten", "resultatet",
  "investeringar", "arbetstillfällen", "pendling", "infrastruktur", "bredband", "kemiindustrin", "livsmedel", "skogen",
];

export type GenerateOptions = { stories: number; log?: (line: string) => void };

export async function generateData(url: string, opts: GenerateOptions): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = Date.now();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO organisation (id, slug, name, short_name, kind, county, municipality_code, description)
       SELECT md5('org' || g)::uuid, 'genkommun-' || g, 'Genkommun ' || g || ' kommun', 'Genkommun ' || g, 'MUNICIPALITY',
              ($1::text[])[1 + g % 21], '9' || lpad(g::text, 3, '0'), 'En genererad kommun för skalprov.'
       FROM generate_series(1, 290) g ON CONFLICT DO NOTHING`,
      [COUNTIES],
    );
    await client.query(
      `INSERT INTO topic (id, slug, name) SELECT md5('topic' || g)::uuid, 'genamne-' || g, 'Genämne ' || g FROM generate_series(1, 20) g ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO network (id, slug, name, kind, summary, body, owner_id)
       SELECT md5('net' || g)::uuid, 'gennatverk-' || g, 'Gennätverk ' || g, 'NETWORK', 'Ett genererat nätverk.', '{"type":"doc","content":[]}', md5('org' || (1 + g % 290))::uuid
       FROM generate_series(1, 30) g ON CONFLICT DO NOTHING`,
    );
    // The relation triggers would update each story once per relation; names are written directly instead.
    for (const t of ["story_organisation", "story_topic", "story_network"]) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    await client.query(
      `WITH w AS (SELECT $1::text[] AS words, array_length($1::text[], 1) AS n)
       INSERT INTO story (id, kind, title, slug, lead, body, status, published_at, content_updated_at, byline, search_names)
       SELECT md5('story' || g)::uuid,
              CASE WHEN g % 5 = 0 THEN 'INTERVIEW' ELSE 'NEWS' END::story_kind,
              initcap(words[1 + g % n]) || ' och ' || words[1 + (g * 7) % n] || ' i Genkommun ' || (1 + g % 290),
              'genererad-' || g,
              'Genkommun ' || (1 + g % 290) || ' arbetar med ' || words[1 + (g * 3) % n] || ' och ' || words[1 + (g * 11) % n] || '.',
              jsonb_build_object('type', 'doc', 'content', jsonb_build_array(
                jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text',
                  (SELECT string_agg(words[1 + (g * i * 13 + i * 5) % n], ' ') FROM generate_series(1, 40) i)))),
                jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text',
                  (SELECT string_agg(words[1 + (g * i * 17 + i * 3) % n], ' ') FROM generate_series(1, 40) i)))))),
              CASE WHEN g % 50 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END::story_status,
              CASE WHEN g % 50 = 0 THEN NULL ELSE timestamptz '2006-01-01 08:00+01' + (g * interval '97 minutes') END,
              CASE WHEN g % 50 = 0 THEN NULL ELSE timestamptz '2006-01-01 08:00+01' + (g * interval '97 minutes') END,
              'Näringslivsnytts redaktion',
              'Genkommun ' || (1 + g % 290) || ' kommun Genkommun ' || (1 + g % 290)
       FROM generate_series(1, $2::int) g, w
       ON CONFLICT DO NOTHING`,
      [WORDS, opts.stories],
    );
    await client.query(
      `INSERT INTO story_organisation (story_id, organisation_id)
       SELECT md5('story' || g)::uuid, md5('org' || (1 + g % 290))::uuid FROM generate_series(1, $1::int) g ON CONFLICT DO NOTHING`,
      [opts.stories],
    );
    await client.query(
      `INSERT INTO story_topic (story_id, topic_id) SELECT md5('story' || g)::uuid, md5('topic' || (1 + g % 20))::uuid FROM generate_series(1, $1::int) g ON CONFLICT DO NOTHING`,
      [opts.stories],
    );
    await client.query(
      `INSERT INTO story_network (story_id, network_id) SELECT md5('story' || g)::uuid, md5('net' || (1 + g % 30))::uuid FROM generate_series(10, $1::int, 10) g ON CONFLICT DO NOTHING`,
      [opts.stories],
    );
    for (const t of ["story_organisation", "story_topic", "story_network"]) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    await client.query("COMMIT");
    // As autovacuum would in production: statistics, and a visibility map for index-only scans.
    await client.query("VACUUM ANALYZE");
    opts.log?.(`generated ${opts.stories} stories over 290 municipalities in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
