"use client";

import { useSyncExternalStore } from "react";
import {
  addToTray,
  clearTray,
  matchTray,
  parseTray,
  removeFromTray,
  type TrayChange,
  type TrayItem,
} from "@/lib/compare/tray";

/**
 * The compare tray's list in localStorage, shared by every island on the page and across tabs.
 * `useTrayItems()` is null until the page has hydrated (the server cannot know the list).
 */

const KEY = "aftercare-atlas:compare:v1";
const CHANGE = "aftercare-atlas:compare-change";

/** Used when the browser refuses localStorage (some private modes): the list lasts for this page. */
let memory: string | null = null;
let storageWorks = true;
let cachedRaw: string | null | undefined;
let cachedItems: TrayItem[] = [];
let message = "";

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

function items(): TrayItem[] {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedItems = parseTray(raw);
  }
  return cachedItems;
}

function apply(change: TrayChange) {
  if (change.message === "") return; // nothing changed (see TrayChange)
  message = change.message;
  writeRaw(JSON.stringify(change.items));
  window.dispatchEvent(new Event(CHANGE));
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

const notYet = () => null;

export function useTrayItems(): TrayItem[] | null {
  return useSyncExternalStore(subscribe, items, notYet);
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
  add: (item: TrayItem) => apply(addToTray(items(), item)),
  remove: (slug: string) => apply(removeFromTray(items(), slug)),
  clear: () => apply(clearTray()),
  match: (wanted: TrayItem[]) => apply(matchTray(items(), wanted)),
};
