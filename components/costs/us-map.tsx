import type { Route, UsState } from "@/db/enums";
import { featureLabel, FEATURES, type MapMetric } from "@/lib/costs/features";
import { mapBounds, mapSpriteHref, stateShapes } from "@/lib/costs/map";
import type { StateRow } from "@/lib/costs/queries";
import { FEW_CLINICS, isFew } from "@/lib/costs/sample";
import { count, percent } from "@/lib/format";
import { ROUTE_LABELS, STATE_NAMES, STATES_BY_NAME } from "@/lib/labels";
import { wholeDollars } from "./charts";

/** Light to dark: the darker, the higher the value. */
const PALETTE = ["#e3f1f1", "#b3dada", "#73b6b8", "#2f8a8e", "#114245"] as const;
const NO_DATA = "#eceff1";
const HATCH_ID = "few-clinics-hatch";

/** What the price map shows: one route's median (default IV infusion) or all routes together. */
export type MapRoute = Route | "all";
export const DEFAULT_MAP_ROUTE: MapRoute = "iv_infusion";

/**
 * States too small to tap on a phone's map: also listed under it with full-size links, which are
 * the keyboard's way to them (on the map, DC is 1 × 2 px at 390 px: its focus ring can't be seen).
 */
const SMALL_STATES: readonly UsState[] = ["CT", "DE", "DC", "HI", "MD", "MA", "NH", "NJ", "RI", "VT"];
/** Room around the map for the focus outline (stroke width 5) of a state at its edge: Alaska, Maine. */
const FOCUS_MARGIN = 3;

/** Every state whole (Alaska's islands too), with room for a focus outline. */
function viewBox(): string {
  const [x0, y0, x1, y1] = mapBounds();
  const left = Math.floor(x0) - FOCUS_MARGIN;
  const top = Math.floor(y0) - FOCUS_MARGIN;
  return `${left} ${top} ${Math.ceil(x1) + FOCUS_MARGIN - left} ${Math.ceil(y1) + FOCUS_MARGIN - top}`;
}

type Metric = {
  title: string;
  /** The value and the number of clinics it rests on; null value when there is none. */
  value: (r: StateRow) => { value: number | null; n: number };
  format: (v: number) => string;
  step: number;
};

export function mapMetric(metric: MapMetric, route: MapRoute = DEFAULT_MAP_ROUTE): Metric {
  if (metric === "price") {
    return route === "all"
      ? {
          title: "Median price per session, all routes together",
          value: (r) => ({ value: r.medianPrice, n: r.priced }),
          format: wholeDollars,
          step: 5_000, // $50
        }
      : {
          title: `Median price per session, ${ROUTE_LABELS[route]}`,
          value: (r) => ({ value: r.routes[route]?.median ?? null, n: r.routes[route]?.count ?? 0 }),
          format: wholeDollars,
          step: 5_000,
        };
  }
  return {
    title: `Share of clinics with: ${featureLabel(metric).toLowerCase()}`,
    value: (r) => ({ value: r.clinics > 0 ? r.shares[metric] : null, n: r.clinics }),
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

/**
 * The colour class of a value. The breaks come from the states with enough clinics; a figure from
 * few clinics never gets the lightest or darkest class on its own strength (it is clamped to the
 * middle classes, and hatched).
 */
export function classOf(value: number, breaks: number[], few: boolean): number {
  let i = 0;
  for (let k = PALETTE.length - 1; k >= 0; k--)
    if (value >= (breaks[k] ?? 0)) {
      i = k;
      break;
    }
  return few ? Math.min(PALETTE.length - 2, Math.max(1, i)) : i;
}

type Shaded = { state: UsState; value: number | null; n: number; few: boolean; fill: string; label: string };

/** Every state's colour and accessible name for a metric. */
function shade(rows: StateRow[], m: Metric): Shaded[] {
  const byState = new Map(rows.map((r) => [r.state, r]));
  const all = rows.map((r) => m.value(r)).filter((v) => v.value !== null);
  const solid = all.filter((v) => !isFew(v.n));
  const breaks = classBreaks(
    (solid.length > 0 ? solid : all).map((v) => v.value!),
    m.step,
  );
  return STATES_BY_NAME.map((state) => {
    const r = byState.get(state);
    const { value, n } = r ? m.value(r) : { value: null, n: 0 };
    const few = value !== null && isFew(n);
    const name = STATE_NAMES[state];
    const clinics = `${count(n)} clinic${n === 1 ? "" : "s"}`;
    const label =
      !r || r.clinics === 0
        ? `${name}: no clinics listed`
        : value === null
          ? `${name}: no figure, ${clinics}`
          : `${name}: ${m.format(value)}, ${clinics}${few ? ", few clinics" : ""}`;
    return {
      state,
      value,
      n,
      few,
      fill: value === null ? NO_DATA : PALETTE[classOf(value, breaks, few)]!,
      label,
    };
  });
}

function legendBreaks(rows: StateRow[], m: Metric): number[] {
  const all = rows.map((r) => m.value(r)).filter((v) => v.value !== null);
  const solid = all.filter((v) => !isFew(v.n));
  return classBreaks(
    (solid.length > 0 ? solid : all).map((v) => v.value!),
    m.step,
  );
}

/**
 * The US map coloured by `metric`, each state a link to its cost page with a name that says its
 * value and sample size. Server-rendered SVG whose outlines come from the cached sprite
 * (`mapSprite`); states resting on few clinics are hatched; small states are listed under the map
 * with full-size links; the same numbers are in the table below it.
 */
export function UsMap({ rows, metric, route }: { rows: StateRow[]; metric: MapMetric; route?: MapRoute }) {
  const m = mapMetric(metric, route);
  const shaded = shade(rows, m);
  const byState = new Map(shaded.map((s) => [s.state, s]));
  const breaks = legendBreaks(rows, m);
  return (
    <figure className="space-y-3">
      <svg
        viewBox={viewBox()}
        // The focused state's outline may be drawn past the map's edge instead of cut off.
        className="h-auto w-full overflow-visible"
        role="group"
        aria-label={`Map of the United States: ${m.title.toLowerCase()} by state. Each state links to its page.`}
      >
        <defs>
          <pattern
            id={HATCH_ID}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" strokeWidth="3" />
          </pattern>
        </defs>
        {stateShapes().map(({ state }) => {
          const s = byState.get(state)!;
          return (
            <a
              key={state}
              href={`/costs/${state.toLowerCase()}`}
              aria-label={s.label}
              className="group"
              tabIndex={SMALL_STATES.includes(state) ? -1 : undefined}
            >
              <title>{s.label}</title>
              <use
                href={mapSpriteHref(state)}
                fill={s.fill}
                stroke="#ffffff"
                strokeWidth={1}
                strokeLinejoin="round"
                className="group-hover:opacity-80 group-focus-visible:stroke-[#f2b600] group-focus-visible:[stroke-width:5]"
              />
              {s.few && <use href={mapSpriteHref(state)} fill={`url(#${HATCH_ID})`} pointerEvents="none" />}
            </a>
          );
        })}
      </svg>
      <figcaption className="space-y-2">
        <p className="text-sm font-medium">{m.title}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Legend">
          {breaks.length > 0 &&
            PALETTE.map((color, i) => (
              <li key={color} className="flex items-center gap-1.5">
                <span aria-hidden className="swatch h-4 w-6" style={{ background: color }} />
                <span className="num">
                  {m.format(breaks[i]!)}
                  {i === PALETTE.length - 1 ? " and up" : ` to under ${m.format(breaks[i + 1]!)}`}
                </span>
              </li>
            ))}
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="swatch h-4 w-6" style={{ background: NO_DATA }} />
            <span>No clinics{metric === "price" ? " or prices" : ""} listed</span>
          </li>
          <li className="flex items-center gap-1.5">
            <svg aria-hidden width="24" height="16" className="rounded-sm border border-line">
              <rect width="24" height="16" fill={PALETTE[2]} />
              <rect width="24" height="16" fill={`url(#${HATCH_ID})`} />
            </svg>
            <span>Hatched: fewer than {FEW_CLINICS} clinics (never the lightest or darkest colour)</span>
          </li>
        </ul>
        <div>
          <p className="text-sm font-medium" id="small-states">
            Small states
          </p>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm" aria-labelledby="small-states">
            {SMALL_STATES.map((state) => {
              const s = byState.get(state)!;
              const shown = `${s.value === null ? "—" : m.format(s.value)}${s.few ? " · few" : ""}`;
              return (
                <li key={state}>
                  <a
                    href={`/costs/${state.toLowerCase()}`}
                    // The visible words first (WCAG 2.5.3, label in name), then the state's full figure.
                    aria-label={`${state} ${shown}: ${s.label}`}
                    className="inline-flex min-h-11 min-w-11 items-center gap-1.5 rounded border border-line px-2"
                  >
                    <span aria-hidden className="swatch h-4 w-4" style={{ background: s.fill }} />
                    <span className="font-medium">{state}</span>
                    <span className="num text-muted">{shown}</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      </figcaption>
    </figure>
  );
}

/** The map's numbers as a table, with a link per state and the clinics each figure rests on. */
export function UsMapTable({
  rows,
  metric,
  route,
}: {
  rows: StateRow[];
  metric: MapMetric;
  route?: MapRoute;
}) {
  const m = mapMetric(metric, route);
  const shaded = new Map(shade(rows, m).map((s) => [s.state, s]));
  const byState = new Map(rows.map((r) => [r.state, r]));
  const feature = metric === "price" ? null : FEATURES.find((f) => f.key === metric);
  return (
    <div className="scroll-x relative">
      <table className="w-full text-sm">
        <caption className="sr-only">{m.title} by state, with the clinics each figure rests on</caption>
        <thead>
          <tr className="border-b border-line text-left">
            <th scope="col" className="py-2 pr-3">
              State
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Clinics
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              {feature ? feature.short : m.title}
            </th>
            <th scope="col" className="py-2 text-right">
              n
            </th>
          </tr>
        </thead>
        <tbody>
          {STATES_BY_NAME.map((state) => {
            const s = shaded.get(state)!;
            return (
              <tr key={state} className="border-b border-line">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  <a href={`/costs/${state.toLowerCase()}`} className="tap">
                    {STATE_NAMES[state]}
                  </a>
                </th>
                <td className="num py-1.5 pr-3 text-right">{count(byState.get(state)?.clinics ?? 0)}</td>
                <td className="num py-1.5 pr-3 text-right">{s.value === null ? "—" : m.format(s.value)}</td>
                <td className="num py-1.5 text-right">
                  {count(s.n)}
                  {s.few ? " (few clinics)" : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
