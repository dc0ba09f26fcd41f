-- staging-db reference schema (mcp-warden examples/staging-db). Run as the owner role, in the target database.
-- Everything lives in the `app` schema so the read-only check can name exactly which tables it governs.
CREATE SCHEMA IF NOT EXISTS app;
REVOKE ALL ON SCHEMA app FROM PUBLIC;

CREATE TABLE app.users (
  id         bigint PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  full_name  text NOT NULL,
  phone      text,
  status     text NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.orders (
  id          bigint PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES app.users (id),
  status      text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'refunded')),
  total_cents integer NOT NULL CHECK (total_cents >= 0),
  currency    text NOT NULL DEFAULT 'EUR',
  note        text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_user_id_id ON app.orders (user_id, id);

CREATE TABLE app.docs (
  id         bigint PRIMARY KEY,
  title      text NOT NULL,
  body       text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.tickets (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body       text NOT NULL CHECK (length(body) <= 4000),
  created_at timestamptz NOT NULL DEFAULT now()
);
