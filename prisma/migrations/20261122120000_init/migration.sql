-- The first schema of Näringslivsnytt: organisations, people, stories, networks and media.
-- Names that lists sort by use Swedish collation (ICU), so Å, Ä and Ö come last, in that order.
CREATE COLLATION IF NOT EXISTS swedish (provider = icu, locale = 'sv-SE');
CREATE TYPE organisation_kind AS ENUM ('MUNICIPALITY', 'REGION', 'AGENCY', 'ASSOCIATION', 'COMPANY');
CREATE TYPE story_kind AS ENUM ('NEWS', 'INTERVIEW');
CREATE TYPE story_status AS ENUM ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED');
CREATE TYPE network_kind AS ENUM ('NETWORK', 'PROGRAMME', 'PROJECT');

CREATE TABLE organisation (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug              text NOT NULL UNIQUE,
  name              text COLLATE swedish NOT NULL,
  short_name        text COLLATE swedish,
  kind              organisation_kind NOT NULL,
  county            text,
  municipality_code text UNIQUE,
  website           text,
  description       text,
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  updated_at        timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX organisation_kind_county_idx ON organisation (kind, county);

CREATE TABLE media (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  storage_key text NOT NULL UNIQUE,
  mime        text NOT NULL,
  width       integer NOT NULL,
  height      integer NOT NULL,
  size_bytes  integer NOT NULL,
  alt         text NOT NULL CHECK (length(btrim(alt)) > 0),
  caption     text,
  credit      text,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE person (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug            text NOT NULL UNIQUE,
  name            text COLLATE swedish NOT NULL,
  title           text,
  organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
  bio             text,
  portrait_id     uuid REFERENCES media (id) ON DELETE SET NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  updated_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX person_organisation_id_idx ON person (organisation_id);

CREATE TABLE topic (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug        text NOT NULL UNIQUE,
  name        text COLLATE swedish NOT NULL,
  description text,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE series (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug        text NOT NULL UNIQUE,
  name        text COLLATE swedish NOT NULL,
  description text,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE story (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind               story_kind NOT NULL,
  title              text COLLATE swedish NOT NULL,
  slug               text NOT NULL UNIQUE,
  lead               text NOT NULL,
  body               jsonb NOT NULL,
  hero_image_id      uuid REFERENCES media (id) ON DELETE SET NULL,
  status             story_status NOT NULL DEFAULT 'DRAFT',
  published_at       timestamptz(3),
  content_updated_at timestamptz(3),
  page_owner         text,
  byline             text,
  author_id          uuid REFERENCES person (id) ON DELETE SET NULL,
  series_id          uuid REFERENCES series (id) ON DELETE SET NULL,
  series_position    integer,
  meta_description   text,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz(3) NOT NULL DEFAULT now(),
  updated_at         timestamptz(3) NOT NULL DEFAULT now(),
  -- A published story always has a publication time.
  CONSTRAINT story_published_has_date CHECK (status NOT IN ('PUBLISHED', 'SCHEDULED') OR published_at IS NOT NULL)
);
CREATE INDEX story_status_published_at_idx ON story (status, published_at DESC);
CREATE INDEX story_kind_status_published_at_idx ON story (kind, status, published_at DESC);
CREATE INDEX story_series_id_series_position_idx ON story (series_id, series_position);

CREATE TABLE story_organisation (
  story_id        uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  PRIMARY KEY (story_id, organisation_id)
);
CREATE INDEX story_organisation_organisation_id_idx ON story_organisation (organisation_id);

CREATE TABLE story_topic (
  story_id uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  topic_id uuid NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
  PRIMARY KEY (story_id, topic_id)
);
CREATE INDEX story_topic_topic_id_idx ON story_topic (topic_id);

CREATE TABLE story_interviewee (
  story_id  uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (story_id, person_id)
);
CREATE INDEX story_interviewee_person_id_idx ON story_interviewee (person_id);

CREATE TABLE story_person (
  story_id  uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  PRIMARY KEY (story_id, person_id)
);
CREATE INDEX story_person_person_id_idx ON story_person (person_id);

CREATE TABLE network (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug           text NOT NULL UNIQUE,
  name           text COLLATE swedish NOT NULL,
  kind           network_kind NOT NULL,
  summary        text NOT NULL,
  body           jsonb NOT NULL,
  coordinator_id uuid REFERENCES person (id) ON DELETE SET NULL,
  owner_id       uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  image_id       uuid REFERENCES media (id) ON DELETE SET NULL,
  external_url   text,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  updated_at     timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX network_owner_id_idx ON network (owner_id);

CREATE TABLE story_network (
  story_id   uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  PRIMARY KEY (story_id, network_id)
);
CREATE INDEX story_network_network_id_idx ON story_network (network_id);

CREATE TABLE network_member (
  network_id      uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  PRIMARY KEY (network_id, organisation_id)
);
CREATE INDEX network_member_organisation_id_idx ON network_member (organisation_id);

CREATE TABLE network_topic (
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  topic_id   uuid NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
  PRIMARY KEY (network_id, topic_id)
);
CREATE INDEX network_topic_topic_id_idx ON network_topic (topic_id);

CREATE TABLE network_goal (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  position   integer NOT NULL,
  label      text NOT NULL,
  target     text
);
CREATE INDEX network_goal_network_id_position_idx ON network_goal (network_id, position);

CREATE TABLE network_meeting (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  starts_at  timestamptz(3) NOT NULL,
  title      text NOT NULL,
  place      text NOT NULL
);
CREATE INDEX network_meeting_network_id_starts_at_idx ON network_meeting (network_id, starts_at);

CREATE TABLE page (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug       text NOT NULL UNIQUE,
  title      text NOT NULL,
  lead       text,
  body       jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE site_settings (
  id                  integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  site_name           text NOT NULL,
  tagline             text,
  description         text,
  footer_organisation text NOT NULL,
  address             text,
  phone               text,
  email               text,
  information_owner   text,
  webmaster           text,
  updated_at          timestamptz(3) NOT NULL DEFAULT now()
);
