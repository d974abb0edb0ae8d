import type { Metadata } from "next";
import Link from "@/components/link";
import { Static } from "@/components/static";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { AftercareAddsSection, AllFigures, AsOf, Headline } from "@/components/costs/figures";
import { ComparePicker } from "@/components/costs/compare-picker";
import { StateLinks } from "@/components/costs/state-links";
import {
  Breadcrumbs,
  CitiesSection,
  SearchLinks,
  TelehealthNote,
  TopClinics,
} from "@/components/costs/place";
import { clinicSearchHref, costsHref, stateFromParam } from "@/lib/costs/links";
import { getStateCosts } from "@/lib/costs/queries";
import { count, usd } from "@/lib/format";
import { STATE_NAMES, STATES_BY_NAME } from "@/lib/labels";

type Props = { params: Promise<{ state: string }> };

async function stateOf(params: Props["params"]) {
  const raw = (await params).state;
  const state = stateFromParam(raw);
  if (!state) {
    // "/costs/CA" → "/costs/ca"; anything else is not a state.
    const upper = stateFromParam(raw.toLowerCase());
    if (upper) permanentRedirect(costsHref(upper));
    notFound();
  }
  return state;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const state = stateFromParam((await params).state);
  if (!state) return { title: "State not found" };
  const name = STATE_NAMES[state];
  const data = await getStateCosts(state);
  const median = data.routes.find((r) => r.route === null)?.median;
  return {
    title: `Ketamine therapy costs and aftercare in ${name}`,
    description:
      data.clinics === 0
        ? `Ketamine therapy prices and aftercare in ${name}: no clinics listed yet.`
        : `Ketamine therapy in ${name}: ${count(data.clinics)} clinics` +
          (median != null ? `, median ${usd(median)} per session` : "") +
          `, with prices by treatment route and city, course estimates and aftercare.`,
    alternates: { canonical: costsHref(state) },
  };
}

export default async function StateCostsPage({ params }: Props) {
  await connection();
  const state = await stateOf(params);
  const name = STATE_NAMES[state];
  const data = await getStateCosts(state);

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <Breadcrumbs items={[{ href: "/costs", label: "Costs" }, { label: name }]} />
        <h1 className="text-3xl">Ketamine therapy costs and aftercare in {name}</h1>
        {data.clinics > 0 && <TelehealthNote figures={data} state={state} />}
        <AsOf figures={data} data={costsHref(state)} />
      </header>

      {data.clinics === 0 ? (
        <section aria-labelledby="empty" className="card space-y-3">
          <h2 id="empty" className="text-xl">
            No clinics listed in {name} yet
          </h2>
          <p>
            We have no published clinics in {name}, and no online service lists {name} among the states it
            serves. Here is what you can do:
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <Link href={clinicSearchHref({ state })}>Search for clinics near {name}</Link>, including online
              services
            </li>
            <li>
              <Link href="/costs">See costs and aftercare across the US</Link>
            </li>
            <li>
              <Link href="/for-clinics">Run a clinic in {name}? List it here</Link>
            </li>
          </ul>
        </section>
      ) : (
        <>
          <Static className="space-y-10">
            <Headline figures={data} />
            <AftercareAddsSection figures={data} id={`${state.toLowerCase()}-aftercare-adds`} place={name} />
          </Static>
          <ComparePicker states={[state]} heading={`Compare ${name} with other states`} />
          <Static className="space-y-10">
            <SearchLinks figures={data} base={{ state }} place={name} />
            <AllFigures figures={data} id={state.toLowerCase()} place={name} movement={data.movement} />
            {data.cities.length > 0 && <CitiesSection state={state} cities={data.cities} />}
            <TopClinics top={data.top} place={name} scoreMedian={data.scoreMedian} />
          </Static>
        </>
      )}

      <details>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-accent-700">
          Show the cost pages of all {STATES_BY_NAME.length - 1} other states
        </summary>
        <Static>
          <StateLinks except={state} />
        </Static>
      </details>
    </div>
  );
}
