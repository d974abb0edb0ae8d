import type { Metadata } from "next";
import Link from "@/components/link";
import { OnThisPage } from "@/components/on-this-page";
import { DetailTable } from "@/components/detail-table";
import { SampleBadge } from "@/components/notices";
import { CourseEstimateView } from "@/components/profile/prices";
import {
  ASSUMPTION_LABELS,
  ASSUMPTION_LIMITS,
  BOOSTER_PERIOD_MONTHS,
  DEFAULT_ASSUMPTIONS,
  OUTSIDE_INTEGRATION_FEE,
  SCORE_MAX,
  SCORE_RUBRIC,
  courseEstimate,
  type AssumptionKey,
  type CostInput,
} from "@/lib/aftercare";
import type { Clinic } from "@/db/schema";
import { usd, usdRange } from "@/lib/format";
import { DATA_SOURCE_LABELS, GLOSSARY, PRICE_SOURCE_LABELS } from "@/lib/labels";
import { STALE_AFTER_DAYS } from "@/lib/listings/freshness";
import { FEW_CLINICS } from "@/lib/costs/sample";

export const metadata: Metadata = {
  title: "How we score aftercare and estimate costs",
  description:
    "The aftercare score rubric, the course-cost model, where our data comes from and how fresh it is.",
  alternates: { canonical: "/methodology" },
};

/** What each data source means, in our words. A Record, so a new source without words is a type error. */
const DATA_SOURCE_WORDS: Readonly<Record<Clinic["dataSource"], string>> = {
  sample:
    "Made up by us to show how the site works. Every listing on the site today is sample data, and each one is labeled.",
  clinic: "Entered and kept up to date by the clinic itself, after it proved the listing is its own.",
  import: "Taken from a public list of clinics. We have not yet heard from the clinic.",
  editorial: "Researched by our editors from the clinic's website and by phone.",
};

const PRICE_SOURCE_WORDS: Readonly<Record<Clinic["priceSource"], string>> = {
  clinic_reported: "The clinic told us these prices. We show them as given.",
  verified: "Our editors checked these prices with the clinic, on the date shown.",
  sample: "Made-up prices for a made-up clinic, in the range real clinics charge.",
};

/** The worked example below: a typical IV clinic that refers patients out for integration. */
const EXAMPLE: CostInput = {
  consultFee: 25_000,
  sessionMin: 45_000,
  sessionMax: 60_000,
  seriesSessions: 6,
  seriesMin: 240_000,
  seriesMax: 320_000,
  boosterMin: 60_000,
  boosterMax: 80_000,
  integrationTherapy: "referral_only",
  integrationSessionFee: null,
};

const ASSUMPTION_KEYS = Object.keys(DEFAULT_ASSUMPTIONS) as AssumptionKey[];

/** Each value's label with our explanation of it. */
function Definitions<K extends string>({
  labels,
  words,
}: {
  labels: Readonly<Record<K, string>>;
  words: Readonly<Record<K, string>>;
}) {
  return (
    <dl className="card divide-y divide-line py-0">
      {(Object.keys(words) as K[]).map((k) => (
        <div key={k} className="py-3">
          <dt className="font-semibold">{labels[k]}</dt>
          <dd>{words[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function MethodologyPage() {
  const example = courseEstimate(EXAMPLE);
  return (
    <article className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl sm:text-4xl">How we score aftercare and estimate costs</h1>
        <p className="text-lg text-muted">
          Two numbers on this site are ours: the aftercare score and the course-cost estimate. Here is exactly
          how we work them out, where the facts behind them come from, and what they cannot tell you.
        </p>
        <OnThisPage
          links={[
            ["#score", "The aftercare score"],
            ["#cost", "The course-cost estimate"],
            ["#cost-figures", "How the cost pages' figures are made"],
            ["#sources", "Where the data comes from"],
            ["#freshness", "How fresh it is"],
            ["#sample", "Sample data"],
          ]}
        />
      </header>

      <section aria-labelledby="score-title" id="score" className="space-y-4">
        <h2 id="score-title" className="text-2xl">
          The aftercare score
        </h2>
        <p>
          {GLOSSARY.aftercare.definition} The score adds up points for each kind of support a clinic says it
          offers, up to {SCORE_MAX}. It counts what is offered, not how good it is: a high score is a reason
          to ask more questions, not a promise. Every profile shows the points a clinic earned for each item
          and why.
        </p>
        <ol className="space-y-3">
          {SCORE_RUBRIC.map((entry) => (
            <li key={entry.key} className="card space-y-2">
              <h3 className="flex flex-wrap items-baseline justify-between gap-2 text-lg">
                <span>{entry.label}</span>
                <span className="num text-base font-normal text-muted">up to {entry.max} points</span>
              </h3>
              <p>{entry.explanation}</p>
              <DetailTable
                className="text-sm"
                caption={`Points for ${entry.label.toLowerCase()}`}
                headers={{ label: "What the clinic offers", value: "Points" }}
                rows={entry.levels.map((level) => ({
                  key: level.id,
                  label: level.label,
                  value: level.points,
                }))}
              />
            </li>
          ))}
        </ol>
        <p className="text-sm text-muted">
          The points above add up to {SCORE_RUBRIC.reduce((sum, e) => sum + e.max, 0)}. They come from the
          same table the site uses to score every clinic, so this page always matches the scores you see.
        </p>
      </section>

      <section aria-labelledby="cost-title" id="cost" className="space-y-4">
        <h2 id="cost-title" className="text-2xl">
          The course-cost estimate
        </h2>
        <p>
          One session price does not tell you what treatment costs. Most people start with a series of
          sessions, many need integration therapy, and some come back for boosters. So for each clinic we
          estimate a whole first course:
        </p>
        <p className="card text-center font-medium">
          consultation + ketamine sessions + integration therapy + boosters
        </p>
        <p>Unless you change them on the compare page, we assume:</p>
        <ul className="list-disc space-y-1 pl-5">
          {ASSUMPTION_KEYS.map((key) => (
            <li key={key}>
              <span className="num font-semibold">{DEFAULT_ASSUMPTIONS[key]}</span> {ASSUMPTION_LABELS[key]}{" "}
              <span className="text-muted">
                (you can choose {ASSUMPTION_LIMITS[key].min} to {ASSUMPTION_LIMITS[key].max})
              </span>
            </li>
          ))}
        </ul>
        <h3 className="text-lg">How each part is counted</h3>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Consultation:</strong> the clinic&apos;s fee for a first visit. If it is not listed, we
            count $0 and say so.
          </li>
          <li>
            <strong>Ketamine sessions:</strong> if you take at least the clinic&apos;s series, the series
            price, plus the per-session price for each session after it. If you take fewer, the per-session
            price for each, but never more than the whole series. With no series, the per-session price for
            each session. If a clinic lists only a series price, we split it evenly per session.
          </li>
          <li>
            <strong>Integration therapy:</strong> $0 when the clinic includes it. When it is an add-on, the
            clinic&apos;s fee for each session. When the clinic only refers you out, does not offer it, or
            lists no fee, an outside therapist at a typical{" "}
            <span className="num">{usdRange(OUTSIDE_INTEGRATION_FEE.low, OUTSIDE_INTEGRATION_FEE.high)}</span>{" "}
            a session.
          </li>
          <li>
            <strong>Boosters:</strong> the clinic&apos;s booster price for each booster over the first{" "}
            {BOOSTER_PERIOD_MONTHS} months after the first course; if it lists none, the per-session price.
          </li>
        </ul>
        <p>
          The result is always a range, from the low end of every price to the high end. It uses listed cash
          prices before any insurance. If a clinic has not listed any price for ketamine sessions, we do not
          guess: the estimate says it cannot be worked out.
        </p>
        <div className="card space-y-3">
          <h3 className="text-lg">A worked example</h3>
          <p className="text-sm text-muted">
            A made-up clinic that charges {usd(EXAMPLE.consultFee ?? 0)} for a consultation,{" "}
            {usdRange(EXAMPLE.sessionMin, EXAMPLE.sessionMax)} a session,{" "}
            {usdRange(EXAMPLE.seriesMin, EXAMPLE.seriesMax)} for a series of {EXAMPLE.seriesSessions} and{" "}
            {usdRange(EXAMPLE.boosterMin, EXAMPLE.boosterMax)} a booster, and refers patients to an outside
            therapist for integration.
          </p>
          <CourseEstimateView estimate={example} headingLevel={4} />
        </div>
      </section>

      <section aria-labelledby="cost-figures-title" id="cost-figures" className="space-y-3">
        <h2 id="cost-figures-title" className="text-2xl">
          How the cost pages&apos; figures are made
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            They count published listings only, straight from our database, and refresh within a minute of any
            change. An online service counts in every state it serves, and once in the national figures.
          </li>
          <li>
            Like for like: a clinic&apos;s price per session is the low end of the range it lists, and each
            treatment route (IV infusion, injection, lozenge, by mouth, nasal spray, at home) has its own
            figures. A clinic that offers several routes lists one price, so it counts under each of them.
            &ldquo;All routes together&rdquo; mixes different treatments and is only a secondary view.
          </li>
          <li>
            The median is the middle price: half of clinics charge less. The middle half runs from the 25th to
            the 75th percentile (computed as PostgreSQL&apos;s <code>percentile_cont</code> does).
          </li>
          <li>
            Every figure says how many clinics it rests on (n). Figures from fewer than {FEW_CLINICS} clinics
            are marked &ldquo;few clinics&rdquo;: on the map they are hatched and never get the lightest or
            darkest colour on their own strength.
          </li>
          <li>
            &ldquo;What aftercare adds&rdquo; compares the median low end of our first-course estimate (
            <a href="#cost">above</a>) between clinics that include integration therapy, sell it as an add-on,
            only refer, or offer none, and between aftercare score bands. The estimate prices integration
            therapy in for every clinic, so the figures compare what the whole course costs you.
          </li>
          <li>
            &ldquo;How prices moved&rdquo; shows each route&apos;s median price per session at the end of each
            of the last 12 months, read back from every clinic&apos;s recorded price changes. A clinic counts
            from the month it was listed, under the routes it offers now; a route gets a line only when every
            month rests on at least {FEW_CLINICS} clinics. The sample clinics&apos; price changes are
            fictional.
          </li>
          <li>
            Each cost page&apos;s figures download as CSV and JSON (for example <code>/costs/tx.csv</code>, or{" "}
            <code>/costs/compare.csv?states=tx,ca</code> for a comparison), with the time they were computed
            and the clinics behind each figure.
          </li>
        </ul>
      </section>

      <section aria-labelledby="sources-title" id="sources" className="space-y-4">
        <h2 id="sources-title" className="text-2xl">
          Where the data comes from
        </h2>
        <p>Every listing says where its facts came from:</p>
        <Definitions labels={DATA_SOURCE_LABELS} words={DATA_SOURCE_WORDS} />
        <p>Prices carry their own source and the date they were last updated:</p>
        <Definitions labels={PRICE_SOURCE_LABELS} words={PRICE_SOURCE_WORDS} />
        <p>
          Clinics that claim their listing can correct it at any time. Their changes show up in search within
          seconds, and we keep a record of every change.
        </p>
      </section>

      <section aria-labelledby="freshness-title" id="freshness" className="space-y-3">
        <h2 id="freshness-title" className="text-2xl">
          How fresh it is
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            Every profile says when our editors last checked the listing, and how long ago that was (for
            example, “3 months ago”).
          </li>
          <li>Every price shows the date the clinic last updated it.</li>
          <li>
            When a listing or its prices are more than {STALE_AFTER_DAYS} days old, or we do not know their
            date, the profile says so and asks you to confirm them with the clinic.
          </li>
        </ul>
        <p>
          Prices and services change. Before you book, call the clinic and check what matters most to you.{" "}
          <Link href="/guide#questions">Questions to ask</Link>
        </p>
      </section>

      <section aria-labelledby="sample-title" id="sample" className="space-y-3">
        <h2 id="sample-title" className="text-2xl">
          Sample data
        </h2>
        <p>
          Every clinic on the site today is fictional. We made them up, from a fixed recipe, to show how the
          site works: the names, addresses, phone numbers, prices and aftercare are not real, though the
          prices fall in the ranges real clinics charge. Each one carries this label: <SampleBadge />
        </p>
        <p>
          Do not use these listings to choose care. The scores and estimates work the same way for real
          listings, which will replace the samples.
        </p>
      </section>

      <p className="rounded-md border border-line bg-white px-4 py-3 text-sm">
        <strong>Not medical advice.</strong> The score and the estimate help you compare clinics and ask good
        questions. They do not say whether ketamine treatment is right for you; a licensed clinician can.
      </p>
    </article>
  );
}
