/** A small seeded generator, so a fuzz case can be replayed from its seed alone. */
export interface Random {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [0, n), e.g. `int(3)` → 0, 1 or 2. */
  int: (n: number) => number;
  /** One element of a non-empty list. */
  pick: <T>(items: readonly T[]) => T;
}

/** Mulberry32: tiny, fast and good enough to spread mutations; never for secrets. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)] };
}

/** The seed of case `n` of a run, so one case replays without running those before it, e.g. `caseSeed(7, 0)`. */
export function caseSeed(runSeed: number, n: number): number {
  return (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(n + 1, 0xc2b2ae35)) >>> 0;
}
