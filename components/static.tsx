import type { ReactNode } from "react";
import { staticHtml } from "@/lib/static-html";

/**
 * Its children rendered to HTML on the server and left in the browser as they are: React does not
 * hydrate them (lib/static-html.ts). For large blocks with no behaviour of their own: links (handled by
 * the layout's one listener), `<details>` and CSS work in them as anywhere; event handlers, client
 * components and form state cannot be in them, and the render throws if they are.
 */
export function Static({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={className} dangerouslySetInnerHTML={staticHtml(children)} />;
}
