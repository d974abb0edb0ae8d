import { featureLabel, FEATURES, type MapMetric } from "@/lib/costs/features";
import { MAP_HEIGHT, MAP_WIDTH, mapSpriteHref, stateShapes } from "@/lib/costs/map";
import type { StateRow } from "@/lib/costs/queries";
import { count, percent } from "@/lib/format";
import { wholeDollars } from "./charts";
import { STATE_NAMES, STATES_BY_NAME } from "@/lib/labels";

/** Light to dark: the darker, the higher the value. */
const PALETTE = ["#e3f1f1", "#b3dada", "#73b6b8", "#2f8a8e", "#114245"] as const;
const NO_DATA = "#eceff1";

type Metric = {
  title: string;
  value: (r: StateRow) => number | null;
  format: (v: number) => string;
  step: number;
};

export function mapMetric(metric: MapMetric): Metric {
  if (metric === "price") {
    return {
      title: "Median price per session",
      value: (r) => r.medianPrice,
      format: wholeDollars,
      step: 5_000, // $50
    };
  }
  return {
    title: `Share of clinics with: ${featureLabel(metric).toLowerCase()}`,
    value: (r) => (r.clinics > 0 ? r.shares[metric] : null),
    format: percent,
    step: 0.05,
  };
}

/** Five equal classes between the rounded lowest and highest value. */
export function classBreaks(values: number[], step: number): number[] {
  if (values.length === 0) return [];
  const lo = Math.floor(Math.min(...values) / step) * step;
  const hi = Math.max(lo + step, Math.ceil(Math.max(...values) / step) * step);
  return PALETTE.map((_, i) => lo + ((hi - lo) * i) / PALETTE.length).concat(hi);
}

function classOf(value: number, breaks: number[]): number {
  for (let i = PALETTE.length - 1; i >= 0; i--) if (value >= (breaks[i] ?? 0)) return i;
  return 0;
}

/**
 * The US map coloured by `metric`, each state a link to its cost page with a name that says its
 * value. Server-rendered SVG whose outlines come from the cached sprite (`mapSprite`); the same
 * numbers are in the table below it.
 */
export function UsMap({ rows, metric }: { rows: StateRow[]; metric: MapMetric }) {
  const m = mapMetric(metric);
  const byState = new Map(rows.map((r) => [r.state, r]));
  const values = rows.map(m.value).filter((v): v is number => v !== null);
  const breaks = classBreaks(values, m.step);
  const describe = (state: keyof typeof STATE_NAMES) => {
    const r = byState.get(state);
    const v = r ? m.value(r) : null;
    const name = STATE_NAMES[state];
    if (!r || r.clinics === 0) return `${name}: no clinics listed`;
    const clinics = `${count(r.clinics)} clinic${r.clinics === 1 ? "" : "s"}`;
    return v === null ? `${name}: no prices listed, ${clinics}` : `${name}: ${m.format(v)}, ${clinics}`;
  };
  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        className="h-auto w-full"
        role="group"
        aria-label={`Map of the United States: ${m.title.toLowerCase()} by state. Each state links to its page.`}
      >
        {stateShapes().map(({ state }) => {
          const r = byState.get(state);
          const v = r ? m.value(r) : null;
          const fill = v === null ? NO_DATA : PALETTE[classOf(v, breaks)];
          const label = describe(state);
          return (
            <a key={state} href={`/costs/${state.toLowerCase()}`} aria-label={label} className="group">
              <title>{label}</title>
              <use
                href={mapSpriteHref(state)}
                fill={fill}
                stroke="#ffffff"
                strokeWidth={1}
                strokeLinejoin="round"
                className="group-hover:opacity-80 group-focus-visible:stroke-[#f2b600] group-focus-visible:[stroke-width:5]"
              />
            </a>
          );
        })}
      </svg>
      <figcaption>
        <p className="text-sm font-medium">{m.title}</p>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Legend">
          {breaks.length > 0 &&
            PALETTE.map((color, i) => (
              <li key={color} className="flex items-center gap-1.5">
                <span
                  aria-hidden
                  className="inline-block h-4 w-6 rounded-sm border border-line"
                  style={{ background: color }}
                />
                <span className="num">
                  {m.format(breaks[i]!)}
                  {i === PALETTE.length - 1 ? " and up" : ` to under ${m.format(breaks[i + 1]!)}`}
                </span>
              </li>
            ))}
          <li className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-block h-4 w-6 rounded-sm border border-line"
              style={{ background: NO_DATA }}
            />
            <span>No clinics{metric === "price" ? " or prices" : ""} listed</span>
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

/** The map's numbers as a table, with a link per state. */
export function UsMapTable({ rows, metric }: { rows: StateRow[]; metric: MapMetric }) {
  const m = mapMetric(metric);
  const byState = new Map(rows.map((r) => [r.state, r]));
  const feature = metric === "price" ? null : FEATURES.find((f) => f.key === metric);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">
          Clinics, median price per session{feature ? ` and ${feature.short.toLowerCase()}` : ""} by state
        </caption>
        <thead>
          <tr className="border-b border-line text-left">
            <th scope="col" className="py-2 pr-3">
              State
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Clinics
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Median per session
            </th>
            {feature && (
              <th scope="col" className="py-2 text-right">
                {feature.short}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {STATES_BY_NAME.map((state) => {
            const r = byState.get(state);
            const v = r && feature ? m.value(r) : null;
            return (
              <tr key={state} className="border-b border-line">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  <a href={`/costs/${state.toLowerCase()}`} className="inline-flex min-h-11 items-center">
                    {STATE_NAMES[state]}
                  </a>
                </th>
                <td className="num py-1.5 pr-3 text-right">{count(r?.clinics ?? 0)}</td>
                <td className="num py-1.5 pr-3 text-right">
                  {r?.medianPrice != null ? wholeDollars(r.medianPrice) : "—"}
                </td>
                {feature && <td className="num py-1.5 text-right">{v === null ? "—" : percent(v)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
