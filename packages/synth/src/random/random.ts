import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** 32-bit avalanche hash (murmur3 finaliser): nearby inputs give unrelated outputs. */
export function mix32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A stable 32-bit number for a stream name, so each stream of randomness has its own salt. */
export function saltOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Seeded randomness for one person (or one shared structure). Derived from (seed, index, stream)
 * alone, so a person's records do not depend on who was generated before them: output is stable
 * whatever the population size or order.
 */
export class Random {
  private readonly rng: RandomGenerator;

  constructor(seed: number, index: number, stream = 'person') {
    const a = mix32(seed, saltOf(stream));
    const b = mix32(a, index);
    const state = [mix32(b, 1), mix32(b, 2), mix32(b, 3), mix32(b, 4) | 1];
    this.rng = xoroshiro128plusFromState(state);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return (this.rng.next() >>> 0) / 4294967296;
  }

  /** Uniform whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** One key of a table of weights (weights need not sum to 1). Walks the keys in place: no allocation. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    let total = 0;
    let last = '';
    for (const key in weights) total += weights[key];
    let r = this.float() * total;
    for (const key in weights) {
      r -= weights[key];
      if (r < 0) return key;
      last = key;
    }
    return last as K;
  }

  /** Standard normal, by Box-Muller. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.float();
    const v = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median, for skewed durations such as lengths of stay. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** A 32-bit seed for a library that takes one (faker). */
  seed32(): number {
    return this.rng.next() >>> 0;
  }
}
