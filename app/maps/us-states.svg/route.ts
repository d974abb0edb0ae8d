import { mapSprite } from "@/lib/costs/map";

/**
 * The state outlines the cost map draws (`<use href="/maps/us-states.svg?v=…#CA">`). Pages ask for
 * it with the content's version in the address, so it can be cached for good.
 */
export function GET(request: Request) {
  const { svg, version } = mapSprite();
  const asked = new URL(request.url).searchParams.get("v");
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // An old or missing version gets the current outlines, but only briefly cached.
      "Cache-Control": asked === version ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
