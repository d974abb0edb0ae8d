import type { Metadata } from "next";
import Link from "@/components/link";
import { OnThisPage } from "@/components/on-this-page";
import { Explain } from "@/components/glossary";
import { GLOSSARY } from "@/lib/labels";
import { GUIDE_QUESTIONS, guideSearchHref } from "@/lib/guide/questions";

export const metadata: Metadata = {
  title: "A guide to ketamine aftercare",
  description:
    "What to expect on the first day after a ketamine session, how integration helps, and what to ask a clinic about aftercare and cost before you book.",
  alternates: { canonical: "/guide" },
};

export default function GuidePage() {
  return (
    <article className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl sm:text-4xl">A guide to ketamine aftercare</h1>
        <p className="text-lg text-muted">
          What happens after a ketamine session matters as much as the session itself. This guide covers the
          first day after a treatment, how integration helps, and what to ask a clinic before you book.
        </p>
        <div
          role="note"
          aria-label="Crisis help"
          className="rounded-md border-2 border-accent-700 bg-white px-4 py-3"
        >
          <p>
            <strong>If you are thinking about suicide or are in crisis,</strong> call or text{" "}
            <a href="tel:988" className="font-semibold">
              988
            </a>{" "}
            any time. If someone is in danger right now, call{" "}
            <a href="tel:911" className="font-semibold">
              911
            </a>
            .
          </p>
        </div>
        <OnThisPage
          links={[
            ["#first-day", "The first day after a session"],
            ["#warning-signs", "Warning signs: get help now"],
            ["#integration", "Integration: making sense of it"],
            ["#questions", "Questions to ask before you book"],
          ]}
        />
      </header>

      <section aria-labelledby="first-day-title" id="first-day" className="space-y-3">
        <h2 id="first-day-title" className="text-2xl">
          The first day after a session
        </h2>
        <p>
          Most people feel tired, a little foggy, or emotional for a few hours after a treatment. Plan the
          rest of the day around rest.
        </p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Don&apos;t drive until the next day.</strong> Ketamine slows your reactions for hours,
            even when you feel fine. Have someone take you home, or use a taxi or ride service. Don&apos;t
            bike or use machines either.
          </li>
          <li>
            <strong>Rest.</strong> Keep the rest of the day free. A quiet room, a nap, or a slow walk with
            someone are all good choices.
          </li>
          <li>
            <strong>Eat lightly.</strong> Some people feel sick to their stomach. Start with something small
            once you feel ready, and drink water.
          </li>
          <li>
            <strong>Skip alcohol and other drugs.</strong> Ask the clinic before you take any new medicine
            that day.
          </li>
          <li>
            <strong>Put off big decisions.</strong> Wait until tomorrow to send the important email or make
            the big call.
          </li>
          <li>
            <strong>Write a few notes.</strong> Jot down what came up, even a few words or a drawing, while it
            is fresh. Bring them to your next integration session.
          </li>
          <li>
            <strong>Know who to call.</strong> Before your session, save the clinic&apos;s after-hours number
            in your phone, and ask who answers and when.
            <Explain term="onCall" />
          </li>
        </ul>

        <div
          id="warning-signs"
          className="space-y-2 rounded-md border border-notice-line bg-notice px-4 py-3"
          aria-labelledby="warning-title"
          role="region"
        >
          <h3 id="warning-title" className="text-lg">
            Warning signs: get help now
          </h3>
          <ul className="list-disc space-y-2 pl-5">
            <li>
              Thoughts of suicide or of hurting yourself: call or text <a href="tel:988">988</a>, any time,
              day or night.
            </li>
            <li>
              Chest pain, trouble breathing, fainting, a seizure, or a sudden very bad headache: call{" "}
              <a href="tel:911">911</a>.
            </li>
            <li>
              Confusion, or seeing or hearing things that are not there, that lasts more than a few hours
              after the session, or feeling unsafe: call the clinic&apos;s on-call number right away. If you
              can&apos;t reach anyone, call <a href="tel:911">911</a>.
            </li>
            <li>
              Pain when you pee, needing to pee much more often, or blood in your pee: tell the clinic soon.
              This can happen with repeated ketamine use.
            </li>
          </ul>
        </div>
      </section>

      <section aria-labelledby="integration-title" id="integration" className="space-y-3">
        <h2 id="integration-title" className="text-2xl">
          Integration: making sense of it
        </h2>
        <p>{GLOSSARY.integration.definition}</p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Soon after a session is best.</strong> Many clinics schedule integration within a day or
            two of a treatment, while the experience is still fresh.
          </li>
          <li>
            <strong>Who leads it matters.</strong> A licensed therapist has clinical training and answers to a
            state board. Coaches and peers who have been through treatment can help too, but they are not
            trained to treat mental illness.
          </li>
          <li>
            <strong>Groups help many people.</strong> Hearing from others who have had the same treatment can
            make your own experience easier to understand.
          </li>
          <li>
            <strong>Small daily habits count.</strong> Regular sleep, moving your body, time outside, and a
            few minutes of writing or quiet breathing help the changes stick.
          </li>
        </ul>
        <p>
          Clinics handle integration in three ways: they include it in the price, offer it at extra cost, or
          refer you to someone else. Our <Link href="/methodology#score">aftercare score</Link> gives the most
          points when it is included.
        </p>
      </section>

      <section aria-labelledby="questions-title" id="questions" className="space-y-4">
        <h2 id="questions-title" className="text-2xl">
          Questions to ask before you book
        </h2>
        <p>
          Call or email the clinic with these questions. A good clinic will answer them clearly. Each question
          links to a search for clinics that list a good answer; still check with the clinic.
        </p>
        <ol className="space-y-3">
          {GUIDE_QUESTIONS.map((q, i) => (
            <li key={q.id} id={q.id} className="card space-y-2">
              <h3 className="text-lg">
                <span className="num text-muted">{i + 1}.</span> {q.question}
              </h3>
              <p>{q.why}</p>
              <ul className="space-y-1">
                {q.links.map((l) => (
                  <li key={l.label}>
                    <Link href={guideSearchHref(l.filters)} className="tap">
                      {l.label} →
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
        <p>
          Ready to compare? Add clinics to your compare list and see them{" "}
          <Link href="/compare">side by side</Link>, with the cost of a whole course.
        </p>
      </section>

      <p className="rounded-md border border-line bg-white px-4 py-3 text-sm">
        <strong>Not medical advice.</strong> This guide is general information written in our own words.
        Follow the instructions your own clinic gives you, and talk with a licensed clinician about your care.
      </p>
    </article>
  );
}
