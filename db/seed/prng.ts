/**
 * A small seeded pseudo-random generator for the sample data. sfc32 (Chris Doty-Humphrey's "small fast
 * counting" generator): 128 bits of state, a counter that guarantees a period of at least 2^32, fast in
 * JavaScript because it stays in 32-bit integer arithmetic, and passes PractRand. Never Math.random:
 * the same seed must give the same data on every machine.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * `seed` picks the data set; `stream` picks an independent stream within it (the generator uses one
   * per clinic, so row i does not depend on how many rows come after it). Both are 32-bit integers.
   * Distinct (seed, stream) pairs give distinct starting states, and the sfc32 step is a bijection, so
   * two streams never fall into step with each other.
   */
  constructor(seed: number, stream = 0) {
    this.a = fmix32(seed);
    this.b = fmix32(stream ^ 0x5bd1e995);
    this.c = 0x9e3779b9;
    this.d = 1; // the counter
    for (let i = 0; i < 15; i++) this.next(); // warm-up, as in the reference seeding
  }

  /** A uniform unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** A uniform float in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** A uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element, uniformly. Throws on an empty array (a bug in the caller, not bad luck). */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty array");
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /**
   * One element with probability proportional to its weight. Linear scan: for short, ad-hoc lists;
   * use `weightedTable` to draw many times from a long list.
   */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return this.pick(items); // only reached through float rounding
  }

  /** k distinct elements in random order (k is capped at the array length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = items.slice();
    const n = Math.min(k, pool.length);
    // Partial Fisher–Yates: the first n slots end up a uniform sample.
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (pool.length - i));
      const tmp = pool[i] as T;
      pool[i] = pool[j] as T;
      pool[j] = tmp;
    }
    return pool.slice(0, n);
  }

  /** The elements that each pass `chance(p)`, in their original order. */
  subset<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p));
  }

  /** A standard normal deviate (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.float(); // (0, 1], so log(u) is finite
    const v = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A normal deviate clamped to [min, max]: "mostly around mean, never outside the range". */
  clampedNormal(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, this.normal(mean, sd)));
  }

  /** A version-4-shaped UUID built from this stream (not cryptographically random; sample data only). */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, "0");
    const a = hex(this.next());
    const b = hex(this.next());
    const c = hex(this.next());
    const d = hex(this.next());
    const variant = "89ab"[this.next() & 3] as string;
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}

/** MurmurHash3's 32-bit finalizer: a bijection that spreads nearby integers over the whole range. */
function fmix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/**
 * Precomputed cumulative weights for drawing many times from a long list in O(log n) per draw.
 */
export function weightedTable<T>(items: readonly T[], weights: readonly number[]): (rng: Prng) => T {
  if (items.length === 0 || items.length !== weights.length) {
    throw new Error("weightedTable needs as many weights as items, and at least one item");
  }
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += Math.max(0, w);
    cumulative[i] = total;
  });
  return (rng) => {
    const r = rng.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}
