import type { Metadata } from "next";
import Link from "@/components/link";
import { ListingEditor } from "@/components/listings/listing-editor";
import { requireAdminPage } from "@/lib/auth/session";
import { BLANK_LISTING, toFormValues } from "@/lib/listings/schema";
import { createListingAction } from "../../actions";

export const metadata: Metadata = { title: "Create a listing", robots: { index: false } };

export default async function NewListingPage() {
  await requireAdminPage("/admin/listings/new");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link className="inline-flex min-h-11 items-center" href="/admin">
            ← Admin
          </Link>
        </p>
        <h1 className="text-3xl">Create a listing</h1>
        <p className="text-muted">
          The listing is marked “from our editors”. Its web address name is made from its name and city.
        </p>
      </header>
      <ListingEditor
        id="new"
        version={1}
        initial={toFormValues(BLANK_LISTING)}
        initialValues={null}
        save={createListingAction}
        submitLabel="Create the listing"
        extra={
          <div className="card space-y-1">
            <label htmlFor="status" className="block font-medium">
              Show it to the public?
            </label>
            <select
              id="status"
              name="status"
              defaultValue="draft"
              className="block min-h-11 rounded-md border border-muted px-3"
            >
              <option value="draft">Not yet (draft)</option>
              <option value="published">Yes, live at once</option>
            </select>
          </div>
        }
      />
    </div>
  );
}
