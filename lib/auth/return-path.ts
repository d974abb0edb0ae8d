/** Only a same-site path may be a return address ("/dashboard", never "//evil.example"). */
export function safeReturnPath(p: string | null | undefined, fallback = "/dashboard"): string {
  return p && /^\/(?![/\\])[^\s]*$/.test(p) ? p : fallback;
}
