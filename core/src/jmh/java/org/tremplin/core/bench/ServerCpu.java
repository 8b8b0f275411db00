package org.tremplin.core.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time read from Linux's /proc: this JVM's (all its threads, GC included) and a PostgreSQL
 * server's (the postmaster and every process it started: backends, WAL writer, checkpointer).
 * Stateless.
 */
final class ServerCpu {
  /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
  private static final long TICKS = 100;

  private ServerCpu() {}

  /** This JVM's CPU time so far, in nanoseconds. */
  static long jvm() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The machine's load average over the last minute, as /proc/loadavg prints it. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The parent process of {@code pid} (a backend's is the postmaster). */
  static int parentOf(int pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("PPid:")) {
          return Integer.parseInt(line.substring(5).strip());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid, e);
    }
    throw new IllegalStateException("no parent for " + pid);
  }

  /** CPU time of the postmaster and its children so far, in nanoseconds. */
  static long server(int postmaster) {
    long ticks = ticks(postmaster);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && parentIs(p, postmaster)) {
          ticks += ticks(Integer.parseInt(name));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return ticks * 1_000_000_000L / TICKS;
  }

  private static boolean parentIs(Path proc, int parent) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(f[1]) == parent;
    } catch (IOException | RuntimeException e) {
      return false; // the process ended meanwhile
    }
  }

  /** utime + stime of a process, in ticks (0 if it ended). */
  private static long ticks(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
