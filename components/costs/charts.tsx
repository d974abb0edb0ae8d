import { count, percent, usd } from "@/lib/format";
import { isFew, sampleSize } from "@/lib/costs/sample";

/**
 * Server-rendered SVG charts for the cost pages. No JavaScript: each chart is an image with a title
 * and a description (`role="img"`, `aria-labelledby`), and the page shows the same numbers as a
 * table next to it.
 *
 * The charts have no view box: they are as wide as the content (`width="100%"`), positions along
 * the width are percentages and heights are CSS pixels, so the text stays at `FONT` px (smaller than
 * the body text) at every width instead of growing with the chart.
 */

const FONT = 14;
const BAR = "#1d6b70"; // accent-600
const MEDIAN = "#114245"; // accent-800
const TRACK = "#e5e9ec";
const TEXT = "#1f2933"; // ink
const MUTED = "#52606d";
/** Text drawn over bars or lines: a white outline under its letters keeps it readable. */
const HALO = { stroke: "#ffffff", strokeWidth: 4, strokeLinejoin: "round", paintOrder: "stroke" } as const;
/** A percentage of the chart's width, as an SVG length. */
const pct = (fraction: number) => `${(Math.max(0, Math.min(1, fraction)) * 100).toFixed(2)}%`;

/** Percentiles fall between prices; shown to the whole dollar. */
export const wholeDollars = (cents: number) => usd(Math.round(cents / 100) * 100);

/** The price range of histogram bin `i`: "$100 to $199.99", or "$2,000 and up" for an open last bin. */
export function binRange(i: number, width: number, openEnded: boolean): string {
  return openEnded ? `${usd(i * width)} and up` : `${usd(i * width)} to ${usd((i + 1) * width - 1)}`;
}

/** A step for axis ticks ($100, $250, $500, …) that gives at most `maxTicks` ticks up to `max`. */
function niceStep(max: number, maxTicks = 4): number {
  const steps = [1, 2, 2.5, 5];
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const s of steps) {
      const step = s * magnitude;
      if (max / step <= maxTicks) return step;
    }
  }
}

function ticks(max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  return out;
}

function ChartSvg({
  id,
  title,
  description,
  height,
  children,
}: {
  id: string;
  title: string;
  description: string;
  height: number;
  children: React.ReactNode;
}) {
  return (
    <svg
      width="100%"
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="block w-full overflow-visible"
      fontSize={FONT}
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

export type RangeRow = { label: string; count: number; p25: number; median: number; p75: number };

/**
 * Box-like ranges in cents: a light track, a box from the 25th to the 75th percentile, and a dark
 * line at the median, one row per item with its label above, then its median and sample size. A row
 * resting on few clinics says so (`sampleSize`). Two lines of text, because SVG text never wraps:
 * on one line, "Esketamine nasal spray (Spravato) · median $913 · n = 2, few clinics" ran past a
 * phone's screen and lost its warning.
 */
export function RangeChart({ id, title, rows }: { id: string; title: string; rows: RangeRow[] }) {
  const rowH = 68;
  const axisH = 24;
  const top = 4;
  const height = rows.length * rowH + axisH + top;
  const maxValue = Math.max(...rows.map((r) => r.p75), 1);
  const step = niceStep(maxValue * 1.05, 4);
  const max = Math.ceil((maxValue * 1.05) / step) * step;
  const x = (v: number) => pct(v / max);
  const description = rows
    .map(
      (r) =>
        `${r.label}: median ${wholeDollars(r.median)}, middle half ${wholeDollars(r.p25)} to ${wholeDollars(r.p75)}, ${sampleSize(r.count)}`,
    )
    .join("; ");
  return (
    <ChartSvg id={id} title={title} description={description} height={height}>
      {ticks(max, step).map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={height - axisH} stroke={TRACK} />
          <text
            x={x(t)}
            y={height - axisH + 17}
            textAnchor={t === 0 ? "start" : t >= max ? "end" : "middle"}
            fill={MUTED}
          >
            {usd(t)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = top + i * rowH;
        const few = isFew(r.count);
        return (
          <g key={r.label}>
            <text x="0" y={y + FONT} fill={TEXT}>
              {r.label}
            </text>
            <text x="0" y={y + 2 * FONT + 4} fill={MUTED}>
              {`median ${wholeDollars(r.median)} · ${sampleSize(r.count)}`}
            </text>
            <rect x="0" y={y + 42} width="100%" height={14} fill={TRACK} rx={2} />
            <rect
              x={x(r.p25)}
              y={y + 40}
              width={pct(Math.max(0.004, (r.p75 - r.p25) / max))}
              height={18}
              fill={few ? "none" : BAR}
              stroke={few ? BAR : "none"}
              strokeDasharray={few ? "4 3" : undefined}
              fillOpacity={0.55}
              rx={2}
            />
            <line x1={x(r.median)} x2={x(r.median)} y1={y + 37} y2={y + 61} stroke={MEDIAN} strokeWidth={3} />
          </g>
        );
      })}
    </ChartSvg>
  );
}

/**
 * A histogram of counts in fixed-width bins of cents; with `lastIsOverflow` the last bin reads
 * "and up". Count labels sit just above their grid lines, over the bars on a white halo, so the
 * bars can use the full width.
 */
export function Histogram({
  id,
  title,
  bins,
  width,
  lastIsOverflow,
  noun,
}: {
  id: string;
  title: string;
  bins: number[];
  width: number;
  lastIsOverflow: boolean;
  /** What is counted, plural: "clinics". */
  noun: string;
}) {
  const height = 200;
  const bottom = height - 26;
  const top = FONT + 8;
  const maxCount = Math.max(...bins, 1);
  const yStep = niceStep(maxCount, 3);
  const yMax = Math.ceil(maxCount / yStep) * yStep;
  const yTicks = ticks(yMax, yStep);
  const barW = 1 / Math.max(bins.length, 1);
  const y = (count: number) => bottom - (count / yMax) * (bottom - top);
  // About five labels: they fit a phone's width, and every bin is in the table anyway.
  const labelEvery = Math.max(1, Math.ceil(bins.length / 5));
  const binLabel = (i: number) => binRange(i, width, lastIsOverflow && i === bins.length - 1);
  const peak = bins.indexOf(maxCount);
  const total = bins.reduce((s, b) => s + b, 0);
  const description =
    total === 0
      ? `No ${noun} to show.`
      : `${count(total)} ${noun} in ${usd(width)} steps. The most common range is ${binLabel(peak)}, with ${count(maxCount)} ${noun}.`;
  return (
    <ChartSvg id={id} title={title} description={description} height={height}>
      {yTicks.map((t) => (
        <line key={t} x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke={TRACK} />
      ))}
      {bins.map((count, i) => (
        <rect
          key={i}
          x={pct(i * barW + barW * 0.06)}
          y={y(count)}
          width={pct(barW * 0.88)}
          height={bottom - y(count)}
          fill={BAR}
        />
      ))}
      {/* The count labels go over the bars, on a white halo, so a tall bar never hides them. */}
      {yTicks.map((t) =>
        t > 0 ? (
          <text key={t} x="0" y={y(t) - 4} fill={MUTED} {...HALO}>
            {count(t)} {noun}
          </text>
        ) : null,
      )}
      {bins.map((_, i) => {
        if (i % labelEvery !== 0) return null;
        const label = `${usd(i * width)}${lastIsOverflow && i === bins.length - 1 ? "+" : ""}`;
        // A label under its bin: from the bin's left edge, or near the right of the chart up to the
        // bin's right edge, so that it never runs out of the chart (it did by 22 px at 320 px wide).
        const nearEnd = i * barW > 0.7;
        return (
          <text
            key={i}
            x={pct(nearEnd ? (i + 1) * barW : i * barW)}
            y={bottom + 18}
            textAnchor={nearEnd ? "end" : "start"}
            fill={MUTED}
          >
            {label}
          </text>
        );
      })}
      <line x1="0" x2="100%" y1={bottom} y2={bottom} stroke={MUTED} />
    </ChartSvg>
  );
}

export type ShareRow = { label: string; share: number };

/** Horizontal bars of shares (0–1), each label with its percentage above its bar. */
export function ShareBars({ id, title, rows }: { id: string; title: string; rows: ShareRow[] }) {
  const rowH = 44;
  const height = rows.length * rowH;
  const description = rows.map((r) => `${r.label}: ${percent(r.share)}`).join("; ");
  return (
    <ChartSvg id={id} title={title} description={description} height={height}>
      {rows.map((r, i) => {
        const y = i * rowH;
        return (
          <g key={r.label}>
            <text x="0" y={y + FONT} fill={TEXT}>
              {r.label}
              <tspan fill={MUTED} className="num">{` · ${percent(r.share)}`}</tspan>
            </text>
            <rect x="0" y={y + 22} width="100%" height={14} fill={TRACK} rx={2} />
            <rect x="0" y={y + 22} width={pct(r.share)} height={14} fill={BAR} rx={2} />
          </g>
        );
      })}
    </ChartSvg>
  );
}

/**
 * Line colours, one per series (enough for every route); each series also has its own dash pattern,
 * and a legend names them.
 */
export const LINE_STYLES = [
  { color: "#1d6b70", dash: undefined },
  { color: "#9a3412", dash: "6 3" },
  { color: "#6d28d9", dash: "2 3" },
  { color: "#be123c", dash: "8 3 2 3" },
  { color: "#334155", dash: "1 2" },
  { color: "#0369a1", dash: "10 4" },
] as const;

export type LineSeries = { label: string; values: (number | null)[] };

/**
 * Lines over a few points in time (values in cents; null leaves a gap), one per series, in the
 * styles of `LINE_STYLES` (the caller shows the legend). The value axis spans the data, not zero
 * to the top, so a change of a few percent shows; its labels say where it starts.
 */
export function LineChart({
  id,
  title,
  xLabels,
  series,
}: {
  id: string;
  title: string;
  /** Short labels of the points ("Dec"), one per value. */
  xLabels: string[];
  series: LineSeries[];
}) {
  const height = 220;
  const top = FONT + 8;
  const bottom = height - 26;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lo = Math.min(...values, Infinity);
  const hi = Math.max(...values, -Infinity);
  const span = values.length === 0 ? 10_000 : Math.max(hi - lo, hi * 0.1, 1);
  const step = niceStep(span * 1.4, 3);
  const yMin = Math.max(0, Math.floor((lo - span * 0.2) / step) * step);
  const yMax = Math.ceil((hi + span * 0.2) / step) * step;
  const y = (v: number) => bottom - ((v - yMin) / Math.max(yMax - yMin, 1)) * (bottom - top);
  const x = (i: number) => pct((i + 0.5) / Math.max(xLabels.length, 1));
  const yTicks = ticks(yMax - yMin, step).map((t) => t + yMin);
  const description = series
    .map((s) => {
      const known = s.values.filter((v): v is number => v !== null);
      return known.length === 0
        ? `${s.label}: no figures`
        : `${s.label}: from ${wholeDollars(known[0]!)} to ${wholeDollars(known.at(-1)!)}`;
    })
    .join("; ");
  return (
    <ChartSvg id={id} title={title} description={description} height={height}>
      {yTicks.map((t) => (
        <line key={t} x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke={TRACK} />
      ))}
      {series.map((s, k) => {
        const style = LINE_STYLES[k % LINE_STYLES.length]!;
        return (
          <g key={s.label} stroke={style.color} fill={style.color}>
            {s.values.map((v, i) => {
              const next = s.values[i + 1];
              if (v === null || next === null || next === undefined) return null;
              return (
                <line
                  key={i}
                  x1={x(i)}
                  x2={x(i + 1)}
                  y1={y(v)}
                  y2={y(next)}
                  strokeWidth={2.5}
                  strokeDasharray={style.dash}
                />
              );
            })}
            {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3.5} />))}
          </g>
        );
      })}
      {/* The value labels go over the lines, on a white halo, so a line never hides them. */}
      {yTicks.map((t) => (
        <text key={t} x="0" y={y(t) - 4} fill={MUTED} {...HALO}>
          {usd(t)}
        </text>
      ))}
      <line x1="0" x2="100%" y1={bottom} y2={bottom} stroke={MUTED} />
      {xLabels.map((label, i) => (
        <text
          key={i}
          x={x(i)}
          y={bottom + 18}
          textAnchor="middle"
          fill={MUTED}
          className={i % 2 === 1 ? "max-sm:hidden" : undefined}
        >
          {label}
        </text>
      ))}
    </ChartSvg>
  );
}
