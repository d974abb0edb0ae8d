"use client";

import { useSyncExternalStore } from "react";
import { takeEarlyClicks } from "@/lib/compare/early-clicks";
import {
  addToTray,
  clearTray,
  matchTray,
  removeFromTray,
  type TrayChange,
  type TrayItem,
} from "@/lib/compare/tray";

/**
 * The compare tray's list in localStorage, shared by every island on the page and across tabs.
 * `useTrayItems()` is null while a stored list is being checked. The server draws every page with an
 * empty list (it cannot know the list), and an empty list in the browser is that very same array, so
 * hydrating a page changes nothing when nothing is stored: no component draws again and the page
 * is not touched once it is interactive (docs/ARCHITECTURE.md, "Hydration changes nothing").
 *
 * That check (`lib/compare/tray-storage.ts`, a zod schema) is fetched only when storage holds a
 * list, after the page has hydrated: zod is about 24 KB of a phone's first download and its set-up
 * runs on the main thread, and a first visit has no list to check.
 */

const KEY = "aftercare-atlas:compare:v1";
const CHANGE = "aftercare-atlas:compare-change";

/** Used when the browser refuses localStorage (some private modes): the list lasts for this page. */
let memory: string | null = null;
let storageWorks = true;
/** The empty list: one array, so that React sees the server's and the browser's empty list as equal. */
const EMPTY: TrayItem[] = [];
const orEmpty = (list: TrayItem[]) => (list.length > 0 ? list : EMPTY);
let cachedRaw: string | null | undefined;
let cachedItems: TrayItem[] = EMPTY;
let message = "";
let parse: ((raw: string) => TrayItem[]) | null = null;
let loading: Promise<void> | null = null;

/** Fetches the storage check once; listeners hear when it is ready. */
function loadCheck(): Promise<void> {
  loading ??= import("@/lib/compare/tray-storage").then(
    (m) => {
      parse = m.parseTray;
      window.dispatchEvent(new Event(CHANGE));
    },
    (err: unknown) => {
      console.warn("Compare list: could not load the stored list; will try again.", err);
      loading = null;
    },
  );
  return loading;
}

function readRaw(): string | null {
  if (!storageWorks) return memory;
  try {
    return window.localStorage.getItem(KEY);
  } catch (err) {
    console.warn("Compare list: localStorage is not available, keeping the list for this page only.", err);
    storageWorks = false;
    return memory;
  }
}

function writeRaw(raw: string) {
  memory = raw;
  if (storageWorks) {
    try {
      window.localStorage.setItem(KEY, raw);
    } catch (err) {
      console.warn("Compare list: could not save to localStorage, keeping the list for this page only.", err);
      storageWorks = false;
    }
  }
}

/** The list, or null while a stored list waits for its check (which this starts loading). */
function items(): TrayItem[] | null {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    if (raw && !parse) {
      void loadCheck();
      return null;
    }
    cachedRaw = raw;
    cachedItems = raw && parse ? orEmpty(parse(raw)) : EMPTY;
  }
  return cachedItems;
}

function apply(change: TrayChange) {
  if (change.message === "") return; // nothing changed (see TrayChange)
  message = change.message;
  const raw = JSON.stringify(change.items);
  writeRaw(raw);
  cachedRaw = raw; // what we wrote needs no check
  cachedItems = orEmpty(change.items);
  window.dispatchEvent(new Event(CHANGE));
}

/** Applies a change to the current list, once a stored list has been checked. */
function change(make: (current: TrayItem[]) => TrayChange) {
  const current = items();
  if (current) apply(make(current));
  else void loadCheck().then(() => (items() ? change(make) : undefined));
}

function subscribe(onChange: () => void) {
  const onStorage = (e: StorageEvent) => {
    if (e.key !== null && e.key !== KEY) return;
    message = "Your compare list changed in another tab.";
    onChange();
  };
  window.addEventListener("storage", onStorage);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(CHANGE, onChange);
  };
}

const onServer = () => EMPTY;

export function useTrayItems(): TrayItem[] | null {
  return useSyncExternalStore(subscribe, items, onServer);
}

/** The last change, in words, for a polite live region. */
export function useTrayMessage(): string {
  return useSyncExternalStore(
    subscribe,
    () => message,
    () => "",
  );
}

export const tray = {
  add: (item: TrayItem) => change((current) => addToTray(current, item)),
  remove: (slug: string) => change((current) => removeFromTray(current, slug)),
  clear: () => apply(clearTray()),
  match: (wanted: TrayItem[]) => change((current) => matchTray(current, wanted)),
};

// "Add to compare" pressed before the page was interactive: added now, in order.
if (typeof window !== "undefined") {
  for (const item of takeEarlyClicks(window as unknown as Record<string, unknown>)) tray.add(item);
}
