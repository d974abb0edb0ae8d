import { DEFAULT_QUERY, searchHref, type SearchQuery } from "@/lib/search/query";

/**
 * The guide's questions to ask a clinic before booking, each with searches that find clinics
 * listing a good answer. Filters are `SearchQuery` fields and links come from the search module's
 * own `searchHref`, so they always use parameters /clinics understands.
 */
export type GuideQuestion = {
  id: string;
  question: string;
  why: string;
  links: { label: string; filters: Partial<SearchQuery> }[];
};

export const GUIDE_QUESTIONS: readonly GuideQuestion[] = [
  {
    id: "q-integration",
    question: "Is integration therapy part of the price?",
    why: "Integration is where a session turns into change. Some clinics include it, some charge extra, and some only give you a name to call. Over a whole course, the difference can be hundreds of dollars.",
    links: [
      { label: "Clinics that include integration therapy", filters: { integration: ["included"] } },
      { label: "Clinics that offer it as an add-on", filters: { integration: ["add_on"] } },
    ],
  },
  {
    id: "q-follow-up",
    question: "Will someone check on me within a day of each treatment?",
    why: "A quick call or message the next day catches problems early and gives you a chance to ask questions once your head is clear.",
    links: [{ label: "Clinics that check in within 24 hours", filters: { followUp24h: true } }],
  },
  {
    id: "q-on-call",
    question: "Who can I call if I feel unwell at night or on a weekend?",
    why: "Ask who answers (a nurse, a clinician or a coach) and at what hours. Save the number in your phone before your first session.",
    links: [
      { label: "Clinics with help any time, day or night", filters: { onCallHours: ["always"] } },
      { label: "Clinics with someone on call", filters: { onCall: true } },
    ],
  },
  {
    id: "q-groups",
    question: "Do you run support groups, in person or online?",
    why: "Talking with others who have been through treatment can make you feel less alone. Ask how often groups meet and what they cost.",
    links: [
      { label: "Clinics with in-person groups", filters: { groups: "in_person" } },
      { label: "Clinics with online groups", filters: { groups: "virtual" } },
    ],
  },
  {
    id: "q-cost",
    question: "What does one session cost, and what does a whole first course cost?",
    why: "Ask for the price of the series, boosters, and integration, not just one session. Ask what happens to your money if you stop partway through a series.",
    links: [
      { label: "Clinics at $500 or less a session", filters: { maxSessionPrice: 500 } },
      { label: "Clinics where a first course is estimated at $5,000 or less", filters: { maxCourse: 5000 } },
    ],
  },
  {
    id: "q-pay",
    question: "Can I pay with my HSA or FSA, or in smaller amounts?",
    why: "Insurance rarely covers ketamine treatment other than Spravato, so most people pay themselves. Health savings accounts, payment plans and sliding-scale prices can help.",
    links: [
      { label: "Clinics that take HSA or FSA cards", filters: { hsaFsa: true } },
      { label: "Clinics with payment plans", filters: { financing: true } },
    ],
  },
  {
    id: "q-wait",
    question: "Are you taking new patients, and how long is the wait?",
    why: "If you need help soon, a short wait matters. Ask what support you can get while you wait.",
    links: [{ label: "Clinics taking new patients", filters: { accepting: true } }],
  },
  {
    id: "q-route",
    question: "Which kinds of ketamine treatment do you offer, and why do you suggest that one for me?",
    why: "Ketamine can be given by IV, by a shot, as a lozenge, or as a nasal spray (Spravato). Spravato can only be given at a clinic certified in an FDA safety program called REMS.",
    links: [
      { label: "Clinics that offer IV infusions", filters: { route: ["iv_infusion"] } },
      { label: "Clinics that offer Spravato", filters: { route: ["esketamine_nasal"] } },
      { label: "At-home programs", filters: { route: ["at_home"] } },
    ],
  },
  {
    id: "q-condition",
    question: "Have you treated people with my condition?",
    why: "Ask how many people with your condition the clinic has treated and how it tracks whether treatment is working.",
    links: [
      {
        label: "Clinics for depression other treatments have not helped",
        filters: { condition: ["treatment_resistant_depression"] },
      },
      { label: "Clinics that treat PTSD", filters: { condition: ["ptsd"] } },
    ],
  },
];

/** The /clinics link for a guide search. */
export const guideSearchHref = (filters: Partial<SearchQuery>) => searchHref(DEFAULT_QUERY, filters);
