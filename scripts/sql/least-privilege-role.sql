-- The service's own database role, with the least it needs (ADR 0074; docs/deployment.md, "Least-privilege role").
--
-- Run as the role that owns the tables (the one that runs the migrations), in the service's database, after every
-- migration (it is idempotent):
--
--   psql "$OWNER_DATABASE_URL" -v ON_ERROR_STOP=1 -f scripts/sql/least-privilege-role.sql
--   psql "$OWNER_DATABASE_URL" -c "alter role loket_app password '…'"      -- once; or use your secret store
--
-- The service then connects as loket_app (DATABASE_URL=postgres://loket_app:…@host/db). It can read and write the
-- tables it works with, but it owns nothing: it cannot create, alter or drop tables, switch off a trigger, or empty
-- a table with TRUNCATE. On audit_log it may only INSERT and SELECT, so the audit trail cannot be changed, deleted or
-- truncated by the application, even by a bug or an attacker who has the application's credentials.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'loket_app') THEN
    CREATE ROLE loket_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO loket_app', current_database());
  EXECUTE format('REVOKE CREATE ON DATABASE %I FROM loket_app', current_database());
END
$$;

-- The tables: read and write rows, nothing more (no TRUNCATE, REFERENCES or TRIGGER; no ownership, so no DDL).
GRANT USAGE ON SCHEMA public TO loket_app;
REVOKE CREATE ON SCHEMA public FROM loket_app;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM loket_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO loket_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO loket_app;

-- The audit log: append and read only. (The append-only trigger also refuses UPDATE and DELETE, but the table's
-- owner could switch a trigger off; this role cannot, and TRUNCATE does not fire row triggers at all.)
REVOKE ALL ON TABLE audit_log FROM loket_app;
GRANT SELECT, INSERT ON TABLE audit_log TO loket_app;

-- At start the service checks that every migration is applied (it reads drizzle.__drizzle_migrations); it applies
-- none itself under this role.
GRANT USAGE ON SCHEMA drizzle TO loket_app;
REVOKE CREATE ON SCHEMA drizzle FROM loket_app;
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO loket_app;

-- Tables that later migrations create (as the owner running this script) get the same row rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO loket_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO loket_app;
