package org.tremplin.core.dataset;

import java.util.SplittableRandom;
import java.util.UUID;

/** The generator's randomness: seeded streams, weighted choices and stable ids. */
final class Draw {
  private Draw() {}

  /** A stream of its own for these coordinates of this seed (independent of the order of use). */
  static SplittableRandom stream(long seed, long... coordinates) {
    return new SplittableRandom(mix(seed, coordinates));
  }

  /** A random-looking (version 4) UUID fixed by the seed and the coordinates. */
  static UUID id(long seed, long... coordinates) {
    long h = mix(seed, coordinates);
    return uuid(h, mix64(h ^ 0x9E3779B97F4A7C15L));
  }

  /** A version 4 UUID from the next two longs of the stream. */
  static UUID id(SplittableRandom random) {
    return uuid(random.nextLong(), random.nextLong());
  }

  private static UUID uuid(long high, long low) {
    return new UUID(
        (high & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L,
        (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
  }

  /** The index chosen with these weights. */
  static int weighted(SplittableRandom random, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** One of the values, evenly. */
  static <T> T oneOf(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static long mix(long seed, long... coordinates) {
    long h = mix64(seed ^ 0x5DEECE66DL);
    for (long c : coordinates) {
      h = mix64(h ^ mix64(c + 0x632BE59BD9B4E019L));
    }
    return h;
  }

  /** SplitMix64's finaliser. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
