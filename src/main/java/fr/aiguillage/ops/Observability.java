package fr.aiguillage.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.shareddata.Shareable;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import java.util.EnumSet;
import java.util.UUID;

/**
 * A Vert.x instance measured by Vert.x Micrometer into its own Prometheus registry (one per instance, so two
 * services in one JVM, as in the tests, do not mix their figures). HTTP series are labelled by route template,
 * method and status only: never the raw path, which carries ids.
 */
public final class Observability {

  private static final String MAP = "aiguillage.ops";
  private static final String REGISTRY = "registry";

  private Observability() {
  }

  /** Holds the registry in the instance's local map, where the verticle finds it. */
  private record Held(PrometheusMeterRegistry registry) implements Shareable {
  }

  public static Vertx newVertx() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(latencyHistograms());
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName("aiguillage-" + UUID.randomUUID())
        .setJvmMetricsEnabled(true)
        // Raw TCP client series say nothing the pool's do not, and register one untagged gauge per client.
        .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT)
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true));
    Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
    vertx.sharedData().getLocalMap(MAP).put(REGISTRY, new Held(registry));
    return vertx;
  }

  /** This instance's registry, or a fresh one (application series only) for a Vert.x built elsewhere. */
  static PrometheusMeterRegistry registryOf(Vertx vertx) {
    Object held = vertx.sharedData().getLocalMap(MAP).get(REGISTRY);
    return held instanceof Held h ? h.registry() : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /** HTTP server response times as Prometheus histograms (buckets), so p99 can be computed across instances. */
  private static MeterFilter latencyHistograms() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().startsWith("vertx.http.server.response.time")
            || id.getName().startsWith("aiguillage.events.relay.lag")) {
          return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
        }
        return config;
      }
    };
  }
}
