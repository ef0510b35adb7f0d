-- E-mail alerts (issue 11, item 2): a subscriber is one lower-cased address with the hash of its
-- manage/unsubscribe token; a subscription is one list (the whole site, an organisation, a topic
-- or a network) with its frequency, double opt-in state and a watermark of what was last sent.
-- alert_outbox holds every mail before it is handed to SMTP, so a crash or restart resumes
-- from the table (see docs/decisions/020-email-alerts-and-outbox.md).
CREATE TYPE alert_scope AS ENUM ('SITE', 'ORGANISATION', 'TOPIC', 'NETWORK');
CREATE TYPE alert_frequency AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY');
CREATE TYPE alert_outbox_status AS ENUM ('PENDING', 'SENDING', 'SENT');

CREATE TABLE alert_subscriber (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email             text NOT NULL UNIQUE CHECK (email = lower(email)),
  -- SHA-256 of the raw manage token; the raw token is only in the mails
  manage_token_hash text NOT NULL UNIQUE,
  created_at        timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE alert_subscription (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subscriber_id      uuid NOT NULL REFERENCES alert_subscriber (id) ON DELETE CASCADE,
  scope              alert_scope NOT NULL,
  -- the organisation, topic or network; null for the whole site
  target_id          uuid,
  frequency          alert_frequency NOT NULL DEFAULT 'DAILY',
  confirmed_at       timestamptz(3),
  confirm_token_hash text UNIQUE,
  confirm_expires_at timestamptz(3),
  created_at         timestamptz(3) NOT NULL DEFAULT now(),
  last_sent_at       timestamptz(3),
  -- publishedAt of the newest story already included in a mail for this subscription
  sent_through       timestamptz(3),
  CHECK ((scope = 'SITE') = (target_id IS NULL))
);
CREATE UNIQUE INDEX alert_subscription_list_idx
  ON alert_subscription (subscriber_id, scope, COALESCE(target_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX alert_subscription_target_idx ON alert_subscription (scope, target_id) WHERE confirmed_at IS NOT NULL;

CREATE TABLE alert_outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- what the mail is for (e.g. 'confirm:<subscription>', 'story:<story>:<subscriber>'); unique so
  -- enqueueing twice after a crash does not produce two mails
  dedupe_key      text NOT NULL UNIQUE,
  subscriber_id   uuid REFERENCES alert_subscriber (id) ON DELETE CASCADE,
  to_address      text NOT NULL,
  subject         text NOT NULL,
  text            text NOT NULL,
  headers         jsonb NOT NULL,
  -- derived from the id, so a resend after a crash between SMTP accept and SENT is recognisable
  message_id      text,
  status          alert_outbox_status NOT NULL DEFAULT 'PENDING',
  attempts        integer NOT NULL DEFAULT 0,
  locked_until    timestamptz(3),
  sent_at         timestamptz(3),
  created_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX alert_outbox_due_idx ON alert_outbox (status, locked_until) WHERE status <> 'SENT';
