-- How often the listings changed (db/schema.ts `listingsGeneration`): one row, bumped in the
-- transaction of every write to `clinics`, whatever code made it. The PostgreSQL search fallback
-- keys the facet counts it shares between searches to it (lib/search/fallback.ts).
--
-- The bump runs at commit (a deferred constraint trigger), once per transaction: the row is then
-- locked last, after the listings the transaction wrote, so two writers never wait on each other
-- in opposite orders, and a bulk insert bumps it once, not once per row.
CREATE TABLE "listings_generation" (
	"id" integer PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "listings_generation" ("id", "generation") VALUES (1, 0);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION atlas_bump_listings_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('atlas.listings_bumped_in', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE listings_generation SET generation = generation + 1 WHERE id = 1;
    PERFORM set_config('atlas.listings_bumped_in', txid_current()::text, true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "clinics_bump_generation" AFTER INSERT OR UPDATE OR DELETE ON "clinics"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION atlas_bump_listings_generation();
--> statement-breakpoint
CREATE TRIGGER "clinics_bump_generation_truncate" AFTER TRUNCATE ON "clinics"
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_bump_listings_generation();
