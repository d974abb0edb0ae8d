import type { Metadata } from "next";
import Link from "@/components/link";
import { Static } from "@/components/static";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AftercareAddsSection, AllFigures, AsOf, Headline } from "@/components/costs/figures";
import { Breadcrumbs, SearchLinks, TelehealthNote, TopClinics } from "@/components/costs/place";
import type { UsState } from "@/db/enums";
import { costsHref, stateFromParam } from "@/lib/costs/links";
import { getCityCosts, getStateCosts, MIN_CITY_CLINICS } from "@/lib/costs/queries";
import { count, usd } from "@/lib/format";
import { STATE_NAMES } from "@/lib/labels";

type Props = { params: Promise<{ state: string; city: string }> };

/** The city with this slug in this state, if it has enough clinics for a page. */
async function cityOf(
  params: Props["params"],
): Promise<{ state: UsState; city: string; slug: string } | null> {
  const p = await params;
  const state = stateFromParam(p.state);
  if (!state) return null;
  const slug = p.city;
  const row = (await getStateCosts(state)).cities.find((c) => c.slug === slug);
  return row && row.clinics >= MIN_CITY_CLINICS ? { state, city: row.city, slug } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const place = await cityOf(params);
  if (!place) return { title: "City not found" };
  const data = await getCityCosts(place.state, place.city);
  const median = data.routes.find((r) => r.route === null)?.median;
  return {
    title: `Ketamine therapy costs and aftercare in ${place.city}, ${place.state}`,
    description:
      `Ketamine therapy in ${place.city}, ${STATE_NAMES[place.state]}: ${count(data.clinics)} clinics` +
      (median != null ? `, median ${usd(median)} per session` : "") +
      `, with prices by treatment route, course estimates and aftercare.`,
    alternates: { canonical: costsHref(place.state, place.slug) },
  };
}

export default async function CityCostsPage({ params }: Props) {
  await connection();
  const place = await cityOf(params);
  if (!place) notFound();
  const { state, city } = place;
  const name = `${city}, ${state}`;
  const data = await getCityCosts(state, city);

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <Breadcrumbs
          items={[
            { href: "/costs", label: "Costs" },
            { href: costsHref(state), label: STATE_NAMES[state] },
            { label: city },
          ]}
        />
        <h1 className="text-3xl">Ketamine therapy costs and aftercare in {name}</h1>
        <TelehealthNote figures={data} state={state} city={city} />
        <AsOf figures={data} data={costsHref(state, place.slug)} />
      </header>
      <Static className="space-y-10">
        <Headline figures={data} />
        <AftercareAddsSection figures={data} id="city-aftercare-adds" place={name} />
        <SearchLinks figures={data} base={{ state, city }} place={city} />
        <AllFigures figures={data} id="city" place={name} />
        <TopClinics top={data.top} place={city} scoreMedian={data.scoreMedian} />
      </Static>
      <p>
        <Link href={costsHref(state)}>All of {STATE_NAMES[state]}: costs, cities and online services</Link>
      </p>
    </div>
  );
}
