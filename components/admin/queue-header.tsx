import Link from "@/components/link";

/** The top of an editors' queue page: the way back to /admin, the title with its count, and what it is. */
export function QueueHeader({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: React.ReactNode;
}) {
  return (
    <>
      <p className="text-sm">
        <Link className="inline-flex min-h-11 items-center" href="/admin">
          ← Admin
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl">
          {title} <span className="num text-muted">({count})</span>
        </h1>
        <p className="max-w-prose text-muted">{children}</p>
      </header>
    </>
  );
}
