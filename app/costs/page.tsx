import type { Metadata } from "next";
import Link from "@/components/link";
import { z } from "zod";
import { AftercareAddsSection, AllFigures, AsOf, Headline } from "@/components/costs/figures";
import { StateLinks } from "@/components/costs/state-links";
import { Static } from "@/components/static";
import { DEFAULT_MAP_ROUTE, UsMap, UsMapTable, mapMetric, type MapRoute } from "@/components/costs/us-map";
import { ROUTES } from "@/db/enums";
import { FEATURES, MAP_METRICS, type MapMetric } from "@/lib/costs/features";
import { getNationCosts } from "@/lib/costs/queries";
import { lowerFirst, usd } from "@/lib/format";
import { ROUTE_LABELS } from "@/lib/labels";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const data = await getNationCosts();
  const median = data.routes.find((r) => r.route === null)?.median;
  return {
    title: "Ketamine therapy costs and aftercare across the US",
    description:
      `What ketamine treatment costs per session and per course, by treatment route and state, and how many clinics offer integration therapy, follow-up and other aftercare` +
      (median != null ? `. Median price per session: ${usd(median)}.` : "."),
    alternates: { canonical: "/costs" },
  };
}

const metricParam = z.enum(MAP_METRICS as [MapMetric, ...MapMetric[]]);
const routeParam = z.enum(["all", ...ROUTES]);
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CostsPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = params.map;
  const parsed = metricParam.safeParse(first(raw));
  const metric: MapMetric = parsed.success ? parsed.data : "price";
  const rawRoute = first(params.route);
  const parsedRoute = routeParam.safeParse(rawRoute);
  const route: MapRoute = parsedRoute.success ? parsedRoute.data : DEFAULT_MAP_ROUTE;
  const badMetric =
    (raw !== undefined && !parsed.success) || (rawRoute !== undefined && !parsedRoute.success);
  const data = await getNationCosts();
  const byState = new Map(data.states.map((s) => [s.state, s]));

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl">What ketamine therapy costs, and what aftercare comes with it</h1>
        <p className="max-w-2xl text-lg text-muted">
          Prices per session and per course, and how many clinics offer integration therapy, follow-up and
          other support after a session, across the US. Pick a state on the map for its own figures.
        </p>
        <p className="max-w-2xl text-sm text-muted">
          Every clinic here is fictional sample data. Online (telehealth) services count once in these
          national figures, and in every state they serve on the state pages and the map.
        </p>
        <AsOf figures={data} data="/costs" />
      </header>

      {data.clinics === 0 ? (
        <p className="card">
          No clinics are listed yet. Figures appear here as soon as clinics are published.
        </p>
      ) : (
        <>
          <Static className="space-y-10">
            <Headline figures={data} />
            <AftercareAddsSection figures={data} id="us" place="the US" />
          </Static>

          <section id="map" aria-labelledby="map-heading" className="render-later scroll-mt-4 space-y-3">
            <h2 id="map-heading" className="text-xl">
              By state: {lowerFirst(mapMetric(metric, route).title)}
            </h2>
            {badMetric && (
              <p role="status" className="rounded border border-notice-line bg-notice px-3 py-2 text-sm">
                We don&apos;t have a map for that, so it shows the median price per session of{" "}
                {route === "all" ? "all routes" : ROUTE_LABELS[route]}.
              </p>
            )}
            <form method="get" action="/costs#map" className="flex flex-wrap items-end gap-2">
              <div className="flex flex-col">
                <label htmlFor="map-metric" className="text-sm font-medium">
                  Colour the map by
                </label>
                <select
                  id="map-metric"
                  name="map"
                  defaultValue={metric}
                  className="min-h-11 rounded-md border border-muted bg-white px-3"
                >
                  <option value="price">Median price per session</option>
                  {FEATURES.map((f) => (
                    <option key={f.key} value={f.key}>
                      Share with {f.short.toLowerCase()}
                    </option>
                  ))}
                </select>
              </div>
              <div className="flex flex-col">
                <label htmlFor="map-route" className="text-sm font-medium">
                  Route (for prices)
                </label>
                <select
                  id="map-route"
                  name="route"
                  defaultValue={route}
                  className="min-h-11 rounded-md border border-muted bg-white px-3"
                >
                  {ROUTES.map((r) => (
                    <option key={r} value={r}>
                      {ROUTE_LABELS[r]}
                    </option>
                  ))}
                  <option value="all">All routes together</option>
                </select>
              </div>
              <button type="submit" className="btn">
                Show
              </button>
            </form>
            <Static className="space-y-3">
              <UsMap rows={data.states} metric={metric} route={route} />
              <details>
                <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-accent-700">
                  Show the map as a table
                </summary>
                <UsMapTable rows={data.states} metric={metric} route={route} />
              </details>
            </Static>
          </section>

          <Static className="space-y-10">
            <AllFigures figures={data} id="us" place="United States" movement={data.movement} />
          </Static>
        </>
      )}

      <section aria-labelledby="states" className="render-later space-y-3">
        <h2 id="states" className="text-xl">
          Costs and aftercare by state
        </h2>
        <p>
          <Link href="/costs/compare?states=tx,ca">Compare states side by side</Link>, for example Texas and
          California.
        </p>
        <Static>
          <StateLinks clinics={(state) => byState.get(state)?.clinics ?? 0} />
        </Static>
      </section>
    </div>
  );
}
