/**
 * The fixed numbers of search, in a module with no dependencies, so client components (the filter
 * form) can use them without pulling in the parser or the ZIP-code dataset.
 */

/** The search page. */
export const SEARCH_PATH = "/clinics";

export const DEFAULT_RADIUS = 25;
export const MAX_RADIUS = 500;
export const RADIUS_CHOICES = [5, 10, 25, 50, 100, 250, 500] as const;
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;

/**
 * The price limits the search page offers, in dollars. Each document lists the limits its price is
 * within (`sessionUnder`, `courseUnder`), so one facet gives the count beside every choice.
 */
export const SESSION_PRICE_STEPS = [200, 300, 400, 500, 600, 800, 1000] as const;
export const COURSE_PRICE_STEPS = [2000, 3000, 4000, 5000, 6000, 8000, 10000] as const;
