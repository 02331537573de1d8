import crypto from 'node:crypto';

/**
 * The generator's randomness: one seeded stream per region (mulberry32, a small well-known PRNG
 * that gives the same numbers on every platform), so the same seed builds the same data set and a
 * region's data do not depend on how the other regions came out.
 */
export class Random {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  /** A stream derived from a seed and a label (e.g. the region number). */
  static derive(seed: number, label: string): Random {
    const h = crypto.createHash('sha256').update(`eerstethuis-generate:${seed}:${label}`).digest();
    return new Random(h.readUInt32LE(0));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** Picks a key by weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    const total = keys.reduce((s, k) => s + weights[k], 0);
    let x = this.next() * total;
    for (const k of keys) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return keys[keys.length - 1];
  }

  /** A version-4-shaped UUID from the stream (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    const hex = (n: number) => Math.floor(n).toString(16).padStart(8, '0');
    const a = hex(this.next() * 2 ** 32);
    const b = hex(this.next() * 2 ** 32);
    const c = hex(this.next() * 2 ** 32);
    const d = hex(this.next() * 2 ** 32);
    const variant = '89ab'[this.int(0, 3)];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

/** Dates as whole days since 1970-01-01 (UTC): arithmetic stays integer and exact. */
export const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
export const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
