package fr.aiguillage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * PostgreSQL on some CPUs, this JVM (the service and its load client) on the others, with {@code taskset} (Linux,
 * util-linux). On a machine where both share every core, a ratio of the service to pgbench measures how the CPU is
 * split between them as much as the service's path; with the database on cores of its own, it measures whether the
 * service keeps the database at its ceiling (decision 0042). Chosen by {@code BENCH_DB_CPUS} (a CPU list such as
 * {@code 0} or {@code 0-1}); unset, nothing is pinned.
 */
final class CpuPinning {

  private final String database;
  private final String rest;
  private final String all;

  private CpuPinning(String database, String rest, String all) {
    this.database = database;
    this.rest = rest;
    this.all = all;
  }

  static Optional<CpuPinning> fromEnvironment() throws IOException {
    String list = System.getenv("BENCH_DB_CPUS");
    if (list == null || list.isBlank()) {
      return Optional.empty();
    }
    // The CPUs this process may run on (a cpuset or a container can allow fewer than the machine has).
    String allowed = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("Cpus_allowed_list:"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElseThrow(() -> new IOException("no Cpus_allowed_list in /proc/self/status"));
    TreeSet<Integer> all = parse(allowed);
    TreeSet<Integer> database = parse(list.strip());
    if (!all.containsAll(database)) {
      throw new IllegalArgumentException("BENCH_DB_CPUS=" + list + " names CPUs outside those allowed here: "
          + allowed);
    }
    TreeSet<Integer> rest = new TreeSet<>(all);
    rest.removeAll(database);
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("BENCH_DB_CPUS=" + list + " must leave at least one of CPUs " + allowed
          + " to the service");
    }
    return Optional.of(new CpuPinning(text(database), text(rest), text(all)));
  }

  /** The CPUs left to the service, its load client and pgbench. */
  String rest() {
    return rest;
  }

  /** The database on its CPUs, this JVM on the rest; backends forked later inherit the postmaster's CPUs. */
  void apart(long postmaster) throws IOException, InterruptedException {
    pin(postmaster, database);
    pin(ProcessHandle.current().pid(), rest);
    System.out.println("CPU pinning: PostgreSQL on CPUs " + database + ", the service and its load client on CPUs "
        + rest);
  }

  /** Every process back on the CPUs it was allowed at the start. */
  void release(long postmaster) throws IOException, InterruptedException {
    pin(postmaster, all);
    pin(ProcessHandle.current().pid(), all);
  }

  private static void pin(long pid, String cpus) throws IOException, InterruptedException {
    List<Long> pids = new ArrayList<>();
    pids.add(pid);
    ProcessHandle.of(pid).ifPresent(p -> p.children().forEach(c -> pids.add(c.pid())));
    for (long each : pids) {
      Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(each))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (taskset.waitFor() != 0 && ProcessHandle.of(each).isPresent()) {
        throw new IOException("taskset could not pin process " + each + " to CPUs " + cpus);
      }
    }
  }

  private static TreeSet<Integer> parse(String list) {
    TreeSet<Integer> cpus = new TreeSet<>();
    for (String part : list.split(",")) {
      String[] range = part.strip().split("-", 2);
      int from = Integer.parseInt(range[0].strip());
      int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
      for (int cpu = from; cpu <= to; cpu++) {
        cpus.add(cpu);
      }
    }
    return cpus;
  }

  private static String text(TreeSet<Integer> cpus) {
    return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
