"use client";

import { useRouter, useSearchParams } from "next/navigation";
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useRef,
  useState,
  useTransition,
  type ReactNode,
} from "react";

/**
 * The small client island of /clinics. Without JavaScript the filter form is a plain GET form and
 * every link is a link. With it: a changed checkbox, radio or select applies at once, a submitted form
 * navigates without a full reload (the new URL is pushed, so Back works), and the results dim while
 * the next ones load. When Back or Forward changes the URL, the form is set to match it. A choice
 * made before the page became interactive applies as soon as it does.
 */

type Search = { pending: boolean; go: (href: string) => void };
const SearchContext = createContext<Search | null>(null);

export function SearchProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = useCallback(
    (href: string) => startTransition(() => router.push(href, { scroll: false })),
    [router],
  );
  return <SearchContext value={{ pending, go }}>{children}</SearchContext>;
}

/** Whether the next results are loading (false outside the search page). */
export function useSearchPending(): boolean {
  return use(SearchContext)?.pending ?? false;
}

/** The form's fields as a short query string: empty fields and an unused distance left out. */
function formQuery(form: HTMLFormElement): string {
  const data = new FormData(form);
  const out = new URLSearchParams();
  const hasZip = String(data.get("zip") ?? "").trim() !== "";
  for (const [name, value] of data) {
    if (typeof value !== "string" || value.trim() === "") continue;
    if (name === "radius" && !hasZip) continue;
    out.append(name, value.trim());
  }
  return out.toString();
}

type Field = HTMLInputElement | HTMLSelectElement;

/** Sets every field of the form (and fields outside it with `form=`) to what `params` say. */
function syncForm(form: HTMLFormElement, params: URLSearchParams) {
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !el.name) continue;
    const values = params.getAll(el.name);
    const field: Field = el;
    if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) {
      field.checked = field.value === "" ? values.length === 0 : values.includes(field.value);
    } else if (field instanceof HTMLSelectElement) {
      field.value = values[0] ?? field.dataset.default ?? "";
    } else if (field.type !== "submit" && field.type !== "hidden") {
      field.value = values[0] ?? "";
    }
  }
}

/** Whether a checkbox, radio or select differs from how the page drew it (text fields wait for Enter). */
function choiceChanged(form: HTMLFormElement): boolean {
  return Array.from(form.elements).some((el) => {
    if (el instanceof HTMLSelectElement) {
      const drawn = Array.from(el.options).find((o) => o.defaultSelected) ?? el.options[0];
      return drawn !== undefined && el.value !== drawn.value;
    }
    return (
      el instanceof HTMLInputElement &&
      (el.type === "checkbox" || el.type === "radio") &&
      el.checked !== el.defaultChecked
    );
  });
}

export function SearchForm({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const search = use(SearchContext);
  const ref = useRef<HTMLFormElement>(null);
  const params = useSearchParams();
  const pushed = useRef<string | null>(null);
  const lastChoice = useRef<{ name: string; value: string } | null>(null);

  const apply = useCallback(() => {
    const form = ref.current;
    if (!form || !search) return;
    const qs = formQuery(form);
    // Nothing changed (e.g. "Show 12 clinics" after choices that applied at once): no new request.
    if (qs === new URLSearchParams(window.location.search).toString()) return;
    pushed.current = qs;
    search.go(qs ? `/clinics?${qs}` : "/clinics");
  }, [search]);

  // A choice applies at once; text fields wait for Enter or the button.
  useEffect(() => {
    const onChange = (e: Event) => {
      const t = e.target;
      if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement) || t.form !== ref.current)
        return;
      if (t instanceof HTMLSelectElement || t.type === "checkbox" || t.type === "radio") {
        lastChoice.current = { name: t.name, value: t.value };
        apply();
      }
    };
    document.addEventListener("change", onChange);
    return () => document.removeEventListener("change", onChange);
  }, [apply]);

  // Back and Forward: the URL changed without the form, so the form follows the URL. (On the first
  // run the server has just drawn the form from this very URL: nothing to follow.)
  useEffect(() => {
    const qs = params.toString();
    const ours = qs === pushed.current;
    if (ref.current && pushed.current !== null && !ours) syncForm(ref.current, params);
    pushed.current = qs;
    // A choice that the new results no longer list (a language unticked with no clinics left) took
    // the focus with it: give it to that choice's neighbour, not the page.
    const last = ours ? lastChoice.current : null;
    lastChoice.current = null;
    const form = ref.current;
    if (last && form && (document.activeElement === document.body || document.activeElement === null)) {
      const same = Array.from(form.querySelectorAll<HTMLInputElement>("input, select")).filter(
        (el) => el.name === last.name,
      );
      (same.find((el) => el.value === last.value) ?? same[0])?.focus();
    }
  }, [params]);

  // A choice made while the page was still loading (before the listener above existed) applies as
  // soon as it can, instead of being lost. Once only: later choices go through the listener.
  const firstRun = useRef(true);
  useEffect(() => {
    if (!firstRun.current) return;
    firstRun.current = false;
    if (ref.current && choiceChanged(ref.current)) apply();
  }, [apply]);

  return (
    <form
      ref={ref}
      id={id}
      action="/clinics"
      method="get"
      role="search"
      aria-label={label}
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      {children}
    </form>
  );
}

/** The results: marked busy and dimmed while the next ones load. */
export function ResultsRegion({ children, className }: { children: ReactNode; className?: string }) {
  const pending = useSearchPending();
  return (
    <div
      aria-busy={pending}
      className={`${className ?? ""} transition-opacity ${pending ? "opacity-60" : ""}`}
    >
      {children}
    </div>
  );
}

/** The ZIP code of GET /api/places/nearest's answer (checked by hand: no schema library in the browser). */
function zipOf(body: unknown): string {
  const zip = (body as { zip?: unknown } | null)?.zip;
  if (typeof zip !== "string" || !/^\d{5}$/.test(zip)) throw new Error("unexpected answer");
  return zip;
}

/**
 * "Use my location": asks the browser where the searcher is, turns the point into the nearest US ZIP
 * code (GET /api/places/nearest; the point is neither stored nor logged) and searches near it. Every
 * way it can fail says what to do instead.
 */
export function UseMyLocation() {
  const search = use(SearchContext);
  const [state, setState] = useState<"idle" | "asking" | "failed" | "outside">("idle");
  const ask = () => {
    if (!("geolocation" in navigator)) return setState("failed");
    setState("asking");
    navigator.geolocation.getCurrentPosition(
      async ({ coords }) => {
        try {
          const res = await fetch(
            `/api/places/nearest?lat=${coords.latitude.toFixed(4)}&lng=${coords.longitude.toFixed(4)}`,
          );
          if (res.status === 404) return setState("outside");
          const zip = zipOf(await res.json());
          const url = new URL(window.location.href);
          url.searchParams.set("zip", zip);
          for (const name of ["city", "page", "sort"]) url.searchParams.delete(name);
          const href = `${url.pathname}?${url.searchParams.toString()}`;
          if (search) search.go(href);
          else window.location.assign(href);
          setState("idle");
        } catch {
          setState("failed");
        }
      },
      () => setState("failed"),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };
  return (
    <div className="space-y-1">
      <button type="button" className="btn-secondary" onClick={ask} disabled={state === "asking"}>
        {state === "asking" ? "Finding where you are…" : "Use my location"}
      </button>
      <p role="status" className="text-sm">
        {state === "failed"
          ? "We couldn't get your location. Type a ZIP code or a city instead."
          : state === "outside"
            ? "Your location isn't in the United States. Type a US ZIP code or city instead."
            : ""}
      </p>
    </div>
  );
}
