import { currentActor } from "@/lib/auth/session";
import { toCsvLine } from "@/lib/listings/csv";
import { LISTING_FIELDS } from "@/lib/listings/schema";

const EXAMPLE: Record<string, string> = {
  name: "Example Ketamine Clinic",
  clinicType: "infusion_clinic",
  city: "Denver",
  state: "CO",
  postalCode: "80202",
  routes: "iv_infusion; im_injection",
  conditions: "depression; ptsd",
  languages: "English; Spanish",
  integrationTherapy: "add_on",
  integrationBy: "licensed_therapist",
  supportGroups: "virtual",
  onCall: "nurse",
  onCallHours: "business",
  insurance: "superbill",
  newPatientStatus: "accepting",
  sessionMin: "450",
  sessionMax: "650",
  followUp24h: "yes",
  website: "https://example.org",
};

/** GET /admin/import/template.csv — the import's header row and one example row (admins only). */
export async function GET(): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Please sign in first.", { status: 401 });
  if (actor.role !== "admin") return new Response("Only site editors (admins) can do this.", { status: 403 });
  const body = `${toCsvLine(LISTING_FIELDS)}\r\n${toCsvLine(LISTING_FIELDS.map((f) => EXAMPLE[f] ?? ""))}\r\n`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="listings-template.csv"',
      "Cache-Control": "no-store",
    },
  });
}
