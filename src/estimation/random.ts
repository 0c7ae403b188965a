// A small seeded PRNG (xoshiro128**, seeded through splitmix32) so bootstrap results are reproducible from the seed
// alone and independent of Math.random. The stream differs from R's Mersenne Twister, so intervals agree with
// SparseMSE's only up to Monte Carlo error.

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Draws `n` items with replacement from categories with the given weights (a multinomial sample, like R's
 * rmultinom(1, n, weights)); returns the count per category.
 */
export function multinomial(random: Random, n: number, weights: ArrayLike<number>): Float64Array {
  const k = weights.length;
  const cumulative = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < k; i++) {
    total += weights[i]!;
    cumulative[i] = total;
  }
  const counts = new Float64Array(k);
  for (let draw = 0; draw < n; draw++) {
    const u = random.next() * total;
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    counts[lo] = counts[lo]! + 1;
  }
  return counts;
}
