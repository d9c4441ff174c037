/** A small seedable PRNG (mulberry32): the same seed gives the same traffic on every run (the benches use it too). */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Mixes a seed with a number (e.g. the second being generated) into a new 32-bit seed. */
export function mixSeed(seed: number, n: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of [n % 4_294_967_296, Math.floor(n / 4_294_967_296)]) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A log-normal draw with the given median and log-spread. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** A Poisson draw (Knuth for small means, normal approximation above 50). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

/** Picks a key by weight. */
export function pick<K extends string>(rng: Rng, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = rng() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1]![0];
}

/** `bytes` random bytes as lowercase hex. */
export function hex(rng: Rng, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i += 4) s += Math.floor(rng() * 4_294_967_296).toString(16).padStart(8, '0');
  return s.length === bytes * 2 ? s : s.slice(0, bytes * 2);
}
