package fr.aiguillage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time of a process and its children (PostgreSQL's postmaster and its backends), read from /proc (Linux). */
final class ProcCpu {

  /** USER_HZ: the unit of /proc/<pid>/stat's times (100 on Linux). */
  private static final long TICK_NANOS = 10_000_000L;

  private ProcCpu() {
  }

  /** The postmaster's process id, from the first line of {@code postmaster.pid} in its data directory. */
  static long postmasterPid(Path dataDirectory) throws IOException {
    return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
  }

  /** utime + stime of {@code pid} and of its live children, in nanoseconds. */
  static long treeNanos(long pid) throws IOException {
    long total = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        String[] f = fields(proc);
        if (f != null && (Long.parseLong(proc.getFileName().toString()) == pid || Long.parseLong(f[1]) == pid)) {
          total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
        }
      }
    }
    return total;
  }

  /** The fields after the command name: state, ppid, ... (stat's fields 3 onwards). */
  private static String[] fields(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null; // the process ended meanwhile
    }
  }
}
