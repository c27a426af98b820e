package fr.aiguillage.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps a copy of what the service logs while the fuzzer runs. Logback's console appender (the service's one
 * binding, which Vert.x logs through too) writes each entry to whatever {@code System.err} is at that moment, so a
 * tee on {@code System.err} sees every entry, blocked-thread warnings included.
 */
final class LogCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  LogCapture() {
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (copy) {
          copy.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        original.write(b, off, len);
        synchronized (copy) {
          copy.write(b, off, len);
        }
      }
    };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  List<String> lines() {
    synchronized (copy) {
      return Arrays.asList(copy.toString(StandardCharsets.UTF_8).split("\n"));
    }
  }

  /** Vert.x's BlockedThreadChecker: "Thread[…] has been blocked for 2345 ms, time limit is 2000 ms". */
  List<String> blockedThreadWarnings() {
    return lines().stream().filter(l -> l.contains("has been blocked for")).toList();
  }

  /** The ProblemHandler's log of an unexpected failure (the cause of a 500), and any other ERROR entry. */
  List<String> unexpectedFailures() {
    return lines().stream().filter(l -> l.contains(" ERROR ") || l.contains("Unexpected")).toList();
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
