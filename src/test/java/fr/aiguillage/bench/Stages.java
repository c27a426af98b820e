package fr.aiguillage.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** A closed-loop stage of mixed operations for a fixed time: latencies and outcomes per operation. */
final class Stages {

  /** OK; REFUSED is an expected business answer (a slot taken meanwhile); ERROR is anything else. */
  enum Outcome { OK, REFUSED, ERROR }

  /** One call under way, named by its operation. */
  record Timed(String operation, Future<Outcome> outcome) {
  }

  private record Sample(long nanos, Outcome outcome) {
  }

  /** What a stage measured, per operation in the order given. */
  static final class Result {

    private final Map<String, Queue<Sample>> samples;
    private final double seconds;

    private Result(Map<String, Queue<Sample>> samples, double seconds) {
      this.samples = samples;
      this.seconds = seconds;
    }

    double perSecond(String operation) {
      return samples.get(operation).size() / seconds;
    }

    double totalPerSecond() {
      return samples.values().stream().mapToInt(Queue::size).sum() / seconds;
    }

    double p99(String operation) {
      return percentile(operation, 99);
    }

    double percentile(String operation, double p) {
      long[] sorted = samples.get(operation).stream().mapToLong(Sample::nanos).sorted().toArray();
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }

    long count(String operation, Outcome outcome) {
      return samples.get(operation).stream().filter(s -> s.outcome() == outcome).count();
    }

    /** Prints one line per operation; returns what broke (errors, or p99 above the limit), or null. */
    String print(long breakMillis) {
      String broke = null;
      for (String op : samples.keySet()) {
        long errors = count(op, Outcome.ERROR);
        System.out.printf("  %-7s %6.1f req/s  p50 %7.1f ms  p99 %7.1f ms  errors %d  refused %d%n", op,
            perSecond(op), percentile(op, 50), p99(op), errors, count(op, Outcome.REFUSED));
        if (broke == null && errors > 0) {
          broke = op + " (" + errors + " errors; the first: " + FIRST_ERRORS.get(op) + ")";
        } else if (broke == null && p99(op) > breakMillis) {
          broke = op + String.format(" (p99 %.0f ms > %d ms)", p99(op), breakMillis);
        }
      }
      return broke;
    }
  }

  /** The first failure of each operation (an answer or an exception), shown beside the stage that broke. */
  private static final Map<String, String> FIRST_ERRORS = new ConcurrentHashMap<>();

  private Stages() {
  }

  static void firstError(String operation, String what) {
    FIRST_ERRORS.putIfAbsent(operation, what.length() > 400 ? what.substring(0, 400) + "..." : what);
  }

  /** {@code callers} loops, each starting its next call when the last ends, for {@code seconds}. */
  static Result run(int callers, int seconds, IntFunction<Timed> next, String... operations) throws Exception {
    Map<String, Queue<Sample>> samples = new LinkedHashMap<>();
    Arrays.stream(operations).forEach(op -> samples.put(op, new ConcurrentLinkedQueue<>()));
    Map<String, Queue<Sample>> shared = new ConcurrentHashMap<>(samples);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<Void>> loops = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      Promise<Void> done = Promise.promise();
      loop(c, next, shared, end, done);
      loops.add(done.future());
    }
    Future.all(loops).await(seconds + 120L, TimeUnit.SECONDS);
    return new Result(samples, (System.nanoTime() - start) / 1e9);
  }

  private static void loop(int caller, IntFunction<Timed> next, Map<String, Queue<Sample>> samples, long end,
                           Promise<Void> done) {
    if (System.nanoTime() >= end) {
      done.complete();
      return;
    }
    long t0 = System.nanoTime();
    Timed call = next.apply(caller);
    call.outcome().onComplete(r -> {
      if (r.failed()) {
        firstError(call.operation(), String.valueOf(r.cause()));
      }
      samples.get(call.operation()).add(new Sample(System.nanoTime() - t0,
          r.succeeded() ? r.result() : Outcome.ERROR));
      loop(caller, next, samples, end, done);
    });
  }
}
