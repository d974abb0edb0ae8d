import type { Metadata } from "next";
import Link from "@/components/link";
import { z } from "zod";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckEmailPage({ searchParams }: Props) {
  const email = z.email().safeParse((await searchParams).email);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl">Check your email</h1>
      <p role="status">
        We sent a sign-in link to {email.success ? <strong>{email.data}</strong> : "your email address"}. Open
        it on this device. It works once and expires in 30 minutes.
      </p>
      <p className="text-muted">
        No email after a few minutes? Check your spam folder, or{" "}
        <Link href="/signin">ask for a new link</Link>.
      </p>
    </div>
  );
}
