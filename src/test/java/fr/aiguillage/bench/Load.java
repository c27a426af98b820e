package fr.aiguillage.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Closed-loop load: {@code clients} concurrent callers, each sending its next request when the last one ends. */
final class Load {

  /** What a run measured. */
  record Result(int requests, int ok, double seconds, long[] latenciesNanos) {

    double perSecond() {
      return ok / seconds;
    }

    double percentileMillis(double p) {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  private Load() {
  }

  /** Runs {@code total} calls over {@code clients} loops; a call's Future holds true when it did what was asked. */
  static Future<Result> run(int clients, int total, Supplier<Future<Boolean>> call) {
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    long[] latencies = new long[total];
    AtomicInteger recorded = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<Void>> loops = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Promise<Void> done = Promise.promise();
      next(issued, total, call, ok, latencies, recorded, done);
      loops.add(done.future());
    }
    return Future.all(loops).map(v -> new Result(total, ok.get(), (System.nanoTime() - start) / 1e9,
        Arrays.copyOf(latencies, recorded.get())));
  }

  private static void next(AtomicInteger issued, int total, Supplier<Future<Boolean>> call, AtomicInteger ok,
                           long[] latencies, AtomicInteger recorded, Promise<Void> done) {
    if (issued.getAndIncrement() >= total) {
      done.complete();
      return;
    }
    long t0 = System.nanoTime();
    call.get().onComplete(r -> {
      latencies[recorded.getAndIncrement()] = System.nanoTime() - t0;
      if (r.succeeded() && r.result()) {
        ok.incrementAndGet();
      }
      next(issued, total, call, ok, latencies, recorded, done);
    });
  }
}
