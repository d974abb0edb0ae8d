import { count, percent, usd } from "@/lib/format";

/**
 * Server-rendered SVG charts for the cost pages. No JavaScript: each chart is an image with a title
 * and a description (`role="img"`, `aria-labelledby`), and the page shows the same numbers as a
 * table next to it. The view box is narrow (360 units) so the text stays readable on a phone; the
 * charts never grow past `max-w-xl`.
 */

const W = 360;
const PAD = 8;
const FONT = 13;
const BAR = "#1d6b70"; // accent-600
const MEDIAN = "#114245"; // accent-800
const TRACK = "#e5e9ec";
const TEXT = "#1f2933"; // ink
const MUTED = "#52606d";

/** Percentiles fall between prices; shown to the whole dollar. */
export const wholeDollars = (cents: number) => usd(Math.round(cents / 100) * 100);

/** The price range of histogram bin `i`: "$100 to $199.99", or "$2,000 and up" for an open last bin. */
export function binRange(i: number, width: number, openEnded: boolean): string {
  return openEnded ? `${usd(i * width)} and up` : `${usd(i * width)} to ${usd((i + 1) * width - 1)}`;
}

/** A step for axis ticks ($100, $250, $500, …) that gives at most `maxTicks` ticks up to `max`. */
export function niceStep(max: number, maxTicks = 4): number {
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
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="h-auto w-full max-w-xl"
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
 * line at the median, one row per item with its label above.
 */
export function RangeChart({ id, title, rows }: { id: string; title: string; rows: RangeRow[] }) {
  const rowH = 46;
  const axisH = 24;
  const height = rows.length * rowH + axisH + PAD;
  const maxValue = Math.max(...rows.map((r) => r.p75), 1);
  const step = niceStep(maxValue * 1.05, 4);
  const max = Math.ceil((maxValue * 1.05) / step) * step;
  const x = (v: number) => PAD + (v / max) * (W - 2 * PAD);
  const description = rows
    .map(
      (r) =>
        `${r.label}: median ${wholeDollars(r.median)}, middle half ${wholeDollars(r.p25)} to ${wholeDollars(r.p75)}`,
    )
    .join("; ");
  return (
    <ChartSvg id={id} title={title} description={description} height={height}>
      {ticks(max, step).map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={PAD} y2={height - axisH} stroke={TRACK} />
          <text
            x={x(t)}
            y={height - axisH + 16}
            textAnchor={t === 0 ? "start" : t >= max ? "end" : "middle"}
            fill={MUTED}
          >
            {usd(t)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = PAD + i * rowH;
        return (
          <g key={r.label}>
            <text x={PAD} y={y + FONT} fill={TEXT}>
              {r.label}
              <tspan fill={MUTED}>{` · median ${wholeDollars(r.median)}`}</tspan>
            </text>
            <rect x={x(0)} y={y + 20} width={x(max) - x(0)} height={14} fill={TRACK} rx={2} />
            <rect
              x={x(r.p25)}
              y={y + 18}
              width={Math.max(2, x(r.p75) - x(r.p25))}
              height={18}
              fill={BAR}
              fillOpacity={0.55}
              rx={2}
            />
            <rect x={x(r.median) - 1.5} y={y + 15} width={3} height={24} fill={MEDIAN} />
          </g>
        );
      })}
    </ChartSvg>
  );
}

/**
 * A histogram of counts in fixed-width bins of cents; with `lastIsOverflow` the last bin reads
 * "and up".
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
  const height = 190;
  const left = 34;
  const bottom = height - 28;
  const top = PAD + 4;
  const maxCount = Math.max(...bins, 1);
  const yStep = niceStep(maxCount, 3);
  const yMax = Math.ceil(maxCount / yStep) * yStep;
  const barW = (W - left - PAD) / Math.max(bins.length, 1);
  const y = (count: number) => bottom - (count / yMax) * (bottom - top);
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
      {ticks(yMax, yStep).map((t) => (
        <g key={t}>
          <line x1={left} x2={W - PAD} y1={y(t)} y2={y(t)} stroke={TRACK} />
          <text x={left - 4} y={y(t) + 4} textAnchor="end" fill={MUTED}>
            {count(t)}
          </text>
        </g>
      ))}
      {bins.map((count, i) => (
        <rect
          key={i}
          x={left + i * barW + 1}
          y={y(count)}
          width={Math.max(1, barW - 2)}
          height={bottom - y(count)}
          fill={BAR}
        />
      ))}
      {bins.map((_, i) => {
        const label = `${usd(i * width)}${lastIsOverflow && i === bins.length - 1 ? "+" : ""}`;
        const x = left + i * barW;
        // Roughly 0.6 em per character: leave out a label that would run off the right edge.
        if (i % labelEvery !== 0 || x + label.length * FONT * 0.6 > W) return null;
        return (
          <text key={i} x={x} y={bottom + 16} textAnchor="start" fill={MUTED}>
            {label}
          </text>
        );
      })}
      <line x1={left} x2={W - PAD} y1={bottom} y2={bottom} stroke={MUTED} />
    </ChartSvg>
  );
}

export type ShareRow = { label: string; share: number };

/** Horizontal bars of shares (0–1), the percentage at the end of each bar. */
export function ShareBars({ id, title, rows }: { id: string; title: string; rows: ShareRow[] }) {
  const rowH = 40;
  const height = rows.length * rowH + PAD;
  const barMax = W - 2 * PAD - 40;
  const description = rows.map((r) => `${r.label}: ${percent(r.share)}`).join("; ");
  return (
    <ChartSvg id={id} title={title} description={description} height={height}>
      {rows.map((r, i) => {
        const y = PAD + i * rowH;
        const w = Math.max(0, Math.min(1, r.share)) * barMax;
        return (
          <g key={r.label}>
            <text x={PAD} y={y + FONT} fill={TEXT}>
              {r.label}
            </text>
            <rect x={PAD} y={y + 18} width={barMax} height={14} fill={TRACK} rx={2} />
            <rect x={PAD} y={y + 18} width={w} height={14} fill={BAR} rx={2} />
            <text x={PAD + barMax + 6} y={y + 30} fill={TEXT} className="num">
              {percent(r.share)}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
