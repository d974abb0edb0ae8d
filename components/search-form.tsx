/** The plain search box that sends people to /clinics?q=… (a GET form: works without JavaScript). */
export function ClinicSearchForm({ id, className = "" }: { id: string; className?: string }) {
  return (
    <form
      action="/clinics"
      method="get"
      role="search"
      className={`flex flex-col gap-2 sm:flex-row ${className}`}
    >
      <label htmlFor={id} className="sr-only">
        City, state, ZIP or clinic name
      </label>
      <input
        id={id}
        name="q"
        type="search"
        placeholder="City, ZIP or clinic name"
        className="min-h-11 flex-1 rounded-md border border-muted bg-white px-3"
      />
      <button type="submit" className="btn">
        Search clinics
      </button>
    </form>
  );
}
