package fr.aiguillage.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bench-fhir's load client, in a JVM of its own so that its CPU is counted apart from the service's: 16 clients,
 * HTTP/1.1 keep-alive (one mutual-TLS handshake per connection, counted), one event loop, the searches' request
 * paths read from files (warm-up, then measured). Prints {@code MEASURE_START} before the measured searches and
 * {@code LOAD <req/s> <p50> <p99> <ok> <cpu ms per search> <slots> <bytes> <connections>} after them.
 * Arguments: port, certificate directory, warm-up paths file, measured paths file, sample file.
 */
public final class FhirLoad {

  private static final int CLIENTS = 16;

  private FhirLoad() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path certs = Path.of(args[1]);
    List<String> warmPaths = Files.readAllLines(Path.of(args[2]));
    List<String> measuredPaths = Files.readAllLines(Path.of(args[3]));
    Path sample = Path.of(args[4]);
    boolean openSsl = !"jdk".equalsIgnoreCase(System.getenv("BENCH_CLIENT_SSL")) && OpenSSLEngineOptions.isAvailable();
    Vertx load = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    AtomicInteger connections = new AtomicInteger();
    WebClient web = WebClient.wrap(load.httpClientBuilder()
        .with(new HttpClientOptions().setSsl(true).setKeepAlive(true).setDefaultHost("localhost").setDefaultPort(port)
            .setSslEngineOptions(openSsl ? new OpenSSLEngineOptions() : new JdkSSLEngineOptions())
            .setTrustOptions(new PemTrustOptions().addCertPath(certs.resolve("ca.pem").toString()))
            .setKeyCertOptions(new PemKeyCertOptions().addCertPath(certs.resolve("client.pem").toString())
                .addKeyPath(certs.resolve("client.key").toString())))
        .with(new PoolOptions().setHttp1MaxSize(CLIENTS))
        .withConnectHandler(c -> connections.incrementAndGet())
        .build());
    System.out.println("load client: " + (openSsl ? "OpenSSL" : "JDK") + " TLS, one event loop, " + CLIENTS
        + " keep-alive connections");
    long[] sizes = new long[2];
    String[] kept = new String[1];
    AtomicInteger next = new AtomicInteger();
    Load.Result warm = Load.run(CLIENTS, warmPaths.size(),
        () -> search(web, warmPaths.get(next.getAndIncrement()), sizes, kept)).await(30, TimeUnit.MINUTES);
    System.out.printf("FHIR search warm-up, %d clients: %d requests (%d answered 200), p50 %.2f ms, p99 %.2f ms,"
        + " %.0f req/s%n", CLIENTS, warmPaths.size(), warm.ok(), warm.percentileMillis(50), warm.percentileMillis(99),
        warm.perSecond());
    sizes[0] = 0;
    sizes[1] = 0;
    next.set(0);
    System.out.println("MEASURE_START");
    System.out.flush();
    long cpu0 = JvmCpu.processNanos();
    Load.Result measured = Load.run(CLIENTS, measuredPaths.size(),
        () -> search(web, measuredPaths.get(next.getAndIncrement()), sizes, kept)).await(30, TimeUnit.MINUTES);
    long cpu = JvmCpu.processNanos() - cpu0;
    System.out.printf("LOAD %.1f %.3f %.3f %d %.3f %d %d %d%n", measured.perSecond(), measured.percentileMillis(50),
        measured.percentileMillis(99), measured.ok(), cpu / 1e6 / measuredPaths.size(), sizes[0], sizes[1],
        connections.get());
    System.out.flush();
    Files.writeString(sample, kept[0] == null ? "{}" : kept[0]);
    load.close().await(1, TimeUnit.MINUTES);
  }

  /** The Bundle's total, read from the answer's bytes without decoding them (the clients share the two cores). */
  private static int total(Buffer bundle) {
    byte[] key = "\"total\":".getBytes(StandardCharsets.US_ASCII);
    int limit = Math.min(bundle.length(), 4096) - key.length;
    for (int at = 0; at < limit; at++) {
      int k = 0;
      while (k < key.length && bundle.getByte(at + k) == key[k]) {
        k++;
      }
      if (k == key.length) {
        int total = 0;
        for (int i = at + k; i < bundle.length() && Character.isDigit(bundle.getByte(i)); i++) {
          total = total * 10 + bundle.getByte(i) - '0';
        }
        return total;
      }
    }
    throw new IllegalStateException("no total in the answer");
  }

  private static Future<Boolean> search(WebClient web, String path, long[] sizes, String[] kept) {
    return web.get(path).putHeader("Accept", "application/fhir+json").send().map(r -> {
      if (r.statusCode() != 200) {
        return false;
      }
      int total = total(r.body());
      sizes[0] += total; // one event loop: no other thread touches these
      sizes[1] += r.body().length();
      if (total > 0 && kept[0] == null) {
        kept[0] = r.bodyAsString();
      }
      return true;
    });
  }
}
