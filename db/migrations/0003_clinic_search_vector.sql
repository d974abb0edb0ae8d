-- Full-text search for the PostgreSQL fallback (lib/search/text-sql.ts): the free-text fields a
-- search looks in, folded the way Meilisearch folds them (lower case, accents off, every run of
-- punctuation a word break), kept in a stored generated column with a GIN index. The labels a
-- search also looks in (state names, kind of clinic, treatments, conditions) are matched against
-- the enum columns instead (lib/search/text-sql.ts), so no label is restated here.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION atlas_search_vector(name text, city text, state text, languages text[], aftercare_notes text, description text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary,
    concat_ws(' ', name, city, state, array_to_string(languages, ' '), aftercare_notes, description))), '[^[:alnum:]]+', ' ', 'g'))
$$;
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (atlas_search_vector("name", "city", "state", "languages", "aftercare_notes", "description")) STORED;
--> statement-breakpoint
CREATE INDEX "clinics_search_vector_idx" ON "clinics" USING gin ("search_vector");
