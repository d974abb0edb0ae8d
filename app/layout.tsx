import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import localFont from "next/font/local";
import Link from "@/components/link";
import { LinkNavigation } from "@/components/link-navigation";
import { MainNav } from "@/components/site-pages";
import { AccountNav } from "@/components/account-nav";
import { CompareTray } from "@/components/compare/compare-tray";
import { CrisisBar, SampleDataNotice } from "@/components/notices";
import { EARLY_CLICKS_SCRIPT } from "@/lib/compare/early-clicks";
import { NONCE_HEADER } from "@/lib/security/headers";
import "./globals.css";

const publicSans = localFont({
  src: "../node_modules/@fontsource-variable/public-sans/files/public-sans-latin-wght-normal.woff2",
  variable: "--font-public-sans",
  display: "swap",
  weight: "100 900",
});

export const metadata: Metadata = {
  metadataBase: new URL(process.env.SITE_URL ?? "http://localhost:3000"),
  title: {
    default: "Aftercare Atlas — compare ketamine clinics by aftercare and cost",
    template: "%s · Aftercare Atlas",
  },
  description:
    "Find and compare ketamine therapy clinics by what happens after a session — integration therapy, follow-up, support groups, on-call help — and by what a whole course costs.",
};

// Every page carries a per-request CSP nonce (proxy.ts), which only dynamic rendering can stamp on
// Next.js's own scripts; the pages read live data anyway.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#165559" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The page's CSP nonce (proxy.ts), for the one inline script of our own.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" className={publicSans.variable}>
      <body className="flex min-h-screen flex-col">
        {/* Notes "Add to compare" pressed before the page is interactive (lib/compare/early-clicks.ts):
            first in the page, so it runs before any button can be pressed. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EARLY_CLICKS_SCRIPT }} />
        <a href="#main" className="skip-link focus:absolute focus:left-2 focus:top-2 focus:z-50">
          Skip to main content
        </a>
        {/* Landmarks, so every part of the page is inside one (axe "region"). */}
        <aside aria-label="Crisis help">
          <CrisisBar />
        </aside>
        <header className="border-b border-line bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-ink no-underline">
              Aftercare Atlas
            </Link>
            <MainNav />
            <AccountNav />
          </div>
        </header>
        <aside aria-label="About the data">
          <SampleDataNotice />
        </aside>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="mt-10 border-t border-line bg-white text-sm text-muted">
          <div className="mx-auto max-w-5xl space-y-2 px-4 py-6">
            <p>
              <strong className="text-ink">Not medical advice.</strong> Aftercare Atlas helps you compare
              clinics. It does not recommend treatment. Talk with a licensed clinician about whether ketamine
              therapy is right for you.
            </p>
            <p>
              In crisis? Call or text <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline, US) any time.
              In an emergency call <a href="tel:911">911</a>.
            </p>
            <p>
              <Link href="/methodology">How we score and estimate costs</Link> ·{" "}
              <Link href="/for-clinics">For clinics</Link>
            </p>
          </div>
        </footer>
        <CompareTray />
        <LinkNavigation />
      </body>
    </html>
  );
}
