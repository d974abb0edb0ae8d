// A root layout with nothing in it. `npm run bench:lighthouse` builds this app in a temporary folder.
export const metadata = { title: "Baseline", description: "A bare Next.js page, the floor for Lighthouse." };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
