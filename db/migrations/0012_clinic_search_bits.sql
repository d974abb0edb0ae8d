-- "facet_values" (smallint[]) becomes "facet_bits" (bytea): the same numbers as a bitmap, which the
-- fallback tests with get_bit and counts in one pass (lib/search/search-table.ts), several times faster
-- than array tests and unnest. "clinic_search" is a copy kept from "clinics": emptied here, and filled
-- again by the migrate step, whose generated copy function writes the new column (`installSearchTable`,
-- run right after the SQL migrations).
TRUNCATE "clinic_search";--> statement-breakpoint
ALTER TABLE "clinic_search" DROP COLUMN "facet_values";--> statement-breakpoint
ALTER TABLE "clinic_search" ADD COLUMN "facet_bits" "bytea" NOT NULL;
