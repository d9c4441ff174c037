/** One topic mention: who (hashed) and when (epoch ms). */
export interface TopicHit {
  topic: string;
  author: string;
  atMs: number;
}

export interface BurstOptions {
  windowSec: number;
  baselineWindows: number;
  minAuthors: number;
  minRatio: number;
}

export interface BurstVerdict {
  topic: string;
  windowStartMs: number;
  windowEndMs: number;
  authors: number;
  messages: number;
  /** Mean distinct authors per window over the baseline windows. */
  baseline: number;
  /** authors / max(baseline, floor): how many times normal. */
  ratio: number;
}

// A topic never heard before still has a floor, so 5 authors out of nowhere read as 10×, not ∞.
const baselineFloor = 0.5;
// How unlikely the count must be under the baseline (Poisson upper tail) to be called a burst.
const maxTailProbability = 1e-5;

/** P(X ≥ k) for X ~ Poisson(λ), summed over the tail so small probabilities stay exact. */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let term = Math.exp(-lambda);
  for (let i = 1; i <= k; i++) term *= lambda / i;
  let sum = 0;
  for (let i = k; i < k + 200 && term > 1e-300; i++) {
    sum += term;
    term *= lambda / (i + 1);
  }
  return Math.min(1, sum);
}

/**
 * Judges the window ending at `atMs` for every topic: distinct authors (one noisy author counts
 * once) against the mean distinct authors per window over the `baselineWindows` windows before it.
 * The baseline is the larger of the mean over all those windows and the mean at the same time of
 * day (the windows one to seven days back, ± one window), so the evening peak is not news.
 * A burst needs at least `minAuthors`, `minRatio` × baseline, and a count that a Poisson process at
 * the baseline would reach with probability below 1e-5, so busy topics must rise above their noise.
 */
export function judgeWindow(hits: readonly TopicHit[], atMs: number, options: BurstOptions): BurstVerdict[] {
  const windowMs = options.windowSec * 1000;
  const oldest = atMs - windowMs * (options.baselineWindows + 1);
  const current = new Map<string, { authors: Set<string>; messages: number }>();
  const history = new Map<string, Map<number, Set<string>>>();
  for (const h of hits) {
    if (h.atMs > atMs || h.atMs <= oldest) continue;
    const index = Math.floor((atMs - h.atMs) / windowMs);
    if (index === 0) {
      let c = current.get(h.topic);
      if (!c) current.set(h.topic, (c = { authors: new Set(), messages: 0 }));
      c.authors.add(h.author);
      c.messages++;
    } else {
      let t = history.get(h.topic);
      if (!t) history.set(h.topic, (t = new Map()));
      let w = t.get(index);
      if (!w) t.set(index, (w = new Set()));
      w.add(h.author);
    }
  }
  const out: BurstVerdict[] = [];
  for (const [topic, c] of current) {
    const authors = c.authors.size;
    if (authors < options.minAuthors) continue;
    const windows = history.get(topic);
    let sum = 0;
    for (const w of windows?.values() ?? []) sum += w.size;
    let baseline = sum / options.baselineWindows;
    const perDay = Math.round(86_400 / options.windowSec);
    if (windows && options.baselineWindows >= perDay) {
      let same = 0;
      let n = 0;
      for (let d = perDay; d <= options.baselineWindows + 1; d += perDay) {
        for (const i of [d - 1, d, d + 1]) {
          if (i < 1 || i > options.baselineWindows) continue;
          same += windows.get(i)?.size ?? 0;
          n++;
        }
      }
      if (n) baseline = Math.max(baseline, same / n);
    }
    const expected = Math.max(baseline, baselineFloor);
    const ratio = authors / expected;
    if (ratio < options.minRatio || poissonTail(authors, expected) > maxTailProbability) continue;
    out.push({ topic, windowStartMs: atMs - windowMs, windowEndMs: atMs, authors, messages: c.messages, baseline: Math.round(baseline * 1000) / 1000, ratio: Math.round(ratio * 10) / 10 });
  }
  return collapse(out).sort((a, b) => b.ratio - a.ratio || a.topic.localeCompare(b.topic));
}

// "solana+swap+failed" bursting makes "solana+failed" and "swap+failed" burst too: keep the most
// specific topic unless a broader one has clearly more authors (then it is a wider problem).
function collapse(verdicts: BurstVerdict[]): BurstVerdict[] {
  const parts = (t: string) => (t.startsWith('category:') ? [t] : t.split('+'));
  return verdicts.filter((v) => {
    const mine = parts(v.topic);
    return !verdicts.some((o) => {
      if (o === v) return false;
      const theirs = parts(o.topic);
      return theirs.length > mine.length && mine.every((p) => theirs.includes(p)) && o.authors * 1.5 >= v.authors;
    });
  });
}
