// A heading and a paragraph, server-rendered: all the JavaScript it loads is Next.js and React.
export default function Page() {
  return (
    <main
      style={{ maxWidth: "40rem", margin: "0 auto", padding: "1rem", fontFamily: "system-ui, sans-serif" }}
    >
      <h1>Baseline</h1>
      <p style={{ fontSize: "1.125rem", lineHeight: 1.6 }}>
        This page has no component of its own that runs in the browser, no stylesheet and no web font. What
        Lighthouse measures here is what Next.js and React cost on this machine before any page adds to it.
      </p>
    </main>
  );
}
