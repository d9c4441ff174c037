/** The last `capacity` values, kept both in arrival order and sorted, for O(log n + n) quantiles and MAD. */
export class RollingWindow {
  private readonly ring: number[];
  private start = 0;
  private count = 0;
  private readonly sorted: number[] = [];
  private sum = 0;
  private sumSq = 0;

  constructor(readonly capacity: number) {
    this.ring = new Array<number>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(x: number): void {
    if (this.count === this.capacity) {
      const old = this.ring[this.start]!;
      this.sorted.splice(lowerBound(this.sorted, old), 1);
      this.sum -= old;
      this.sumSq -= old * old;
      this.ring[this.start] = x;
      this.start = (this.start + 1) % this.capacity;
    } else {
      this.ring[(this.start + this.count) % this.capacity] = x;
      this.count++;
    }
    this.sorted.splice(lowerBound(this.sorted, x), 0, x);
    this.sum += x;
    this.sumSq += x * x;
  }

  /** Linear-interpolated quantile, q in [0,1]; NaN when empty. */
  quantile(q: number): number {
    const n = this.sorted.length;
    if (!n) return Number.NaN;
    const pos = q * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, n - 1);
    return this.sorted[lo]! + (this.sorted[hi]! - this.sorted[lo]!) * (pos - lo);
  }

  median(): number {
    return this.quantile(0.5);
  }

  /** Median absolute deviation from the median, by a two-pointer walk over the sorted values. */
  mad(): number {
    const s = this.sorted;
    const n = s.length;
    if (n < 2) return 0;
    const m = this.median();
    let hi = lowerBound(s, m);
    let lo = hi - 1;
    const k = Math.floor((n - 1) / 2);
    let d = 0;
    for (let taken = 0; taken <= k; taken++) {
      const dl = lo >= 0 ? m - s[lo]! : Number.POSITIVE_INFINITY;
      const dh = hi < n ? s[hi]! - m : Number.POSITIVE_INFINITY;
      if (dl <= dh) {
        d = dl;
        lo--;
      } else {
        d = dh;
        hi++;
      }
    }
    return d;
  }

  mean(): number {
    return this.count ? this.sum / this.count : Number.NaN;
  }

  std(): number {
    if (this.count < 2) return 0;
    const mean = this.sum / this.count;
    return Math.sqrt(Math.max(0, this.sumSq / this.count - mean * mean));
  }

  min(): number {
    return this.sorted.length ? this.sorted[0]! : Number.NaN;
  }

  max(): number {
    return this.sorted.length ? this.sorted[this.sorted.length - 1]! : Number.NaN;
  }

  /** Fraction of stored values >= x. */
  tailFraction(x: number): number {
    const n = this.sorted.length;
    return n ? (n - lowerBound(this.sorted, x)) / n : 0;
  }
}

function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Exponentially weighted mean and variance (West's incremental form). */
export class Ewma {
  mean = Number.NaN;
  variance = 0;
  count = 0;
  constructor(readonly alpha: number) {}

  push(x: number): void {
    this.count++;
    if (Number.isNaN(this.mean)) {
      this.mean = x;
      return;
    }
    const diff = x - this.mean;
    const incr = this.alpha * diff;
    this.mean += incr;
    this.variance = (1 - this.alpha) * (this.variance + diff * incr);
  }

  std(): number {
    return Math.sqrt(this.variance);
  }
}
