-- Roles of staging-db. Run as a superuser (or the schema owner) in the target database, after schema.sql.
--   mcp_readonly        CONNECT + USAGE on schema app + SELECT on the approved tables only (users, orders, docs).
--   mcp_tickets_writer  the narrow write path: INSERT (title, body) into app.tickets, nothing else.
-- Set passwords separately (ALTER ROLE ... PASSWORD) and keep them out of this file and out of warden.yaml.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mcp_readonly') THEN
    CREATE ROLE mcp_readonly LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mcp_tickets_writer') THEN
    CREATE ROLE mcp_tickets_writer LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO mcp_readonly, mcp_tickets_writer', current_database());
END
$$;

GRANT USAGE ON SCHEMA app TO mcp_readonly, mcp_tickets_writer;
GRANT SELECT ON app.users, app.orders, app.docs TO mcp_readonly;
-- RETURNING id needs SELECT on that one column.
GRANT INSERT (title, body), SELECT (id) ON app.tickets TO mcp_tickets_writer;
