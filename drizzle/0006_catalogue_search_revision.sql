-- The catalogue's revision (ADR 0067): every instance keeps the search index in memory and rebuilds it when this
-- number changes. Any committed write to instruments or providers raises it, whoever made the write (this service,
-- another instance, the import CLI, a hand-made fix in psql).
CREATE TABLE catalogue_search_revision (
  id integer PRIMARY KEY CHECK (id = 1),
  revision bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO catalogue_search_revision (id, revision) VALUES (1, 1);
--> statement-breakpoint
-- Raises the revision once per transaction. The trigger is deferred to commit, so the revision row is locked last
-- and briefly: two writers never wait for each other's revision lock while holding instrument rows (no deadlock),
-- and readers see the new revision only together with the data it stands for.
CREATE OR REPLACE FUNCTION catalogue_search_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('circulair.catalogue_revision_bumped', true) = 'yes' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('circulair.catalogue_revision_bumped', 'yes', true);
  UPDATE catalogue_search_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER catalogue_instruments_revision AFTER INSERT OR UPDATE OR DELETE ON catalogue_instruments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalogue_search_revision_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER catalogue_organizations_revision AFTER INSERT OR UPDATE OR DELETE ON catalogue_organizations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalogue_search_revision_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER catalogue_search_words_revision AFTER INSERT OR UPDATE OR DELETE ON catalogue_search_words
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalogue_search_revision_bump();
