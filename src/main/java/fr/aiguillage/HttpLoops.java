package fr.aiguillage;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.function.Supplier;

/**
 * The listeners on several event loops ({@code http.eventLoops}, AIGUILLAGE_HTTP_EVENT_LOOPS, 1 by default; 0 is one
 * per available processor): one verticle instance per loop, each listening on the same port, and Vert.x hands each new
 * connection to the next instance in turn, so requests use every core (decision 0025). The instances are deployed
 * together, so each gets its own event loop. Whatever they share must bear being called from several threads at once
 * (decision 0025 lists what was checked).
 */
final class HttpLoops {

  private final Vertx vertx;
  private final int count;
  private String deployment;

  HttpLoops(Vertx vertx, JsonObject http) {
    int loops = http.getInteger("eventLoops", 1);
    if (loops < 0) {
      throw new IllegalArgumentException("http.eventLoops must be 0 (one per processor) or more, not " + loops);
    }
    this.vertx = vertx;
    this.count = loops == 0 ? Runtime.getRuntime().availableProcessors() : loops;
  }

  /**
   * A port every instance can listen on: the configured one, or for 0 (any free port, the tests) a negative one,
   * which Vert.x reads as "a free port, the same for every server given this value" ({@code slot} tells listeners
   * apart). Port 0 itself would give each instance a port of its own.
   */
  static int shared(int port, int slot) {
    return port == 0 ? -slot : port;
  }

  /** Runs {@code listen} on each event loop, at once; done when every loop listens. */
  Future<Void> listen(Supplier<Future<?>> listen) {
    return vertx.deployVerticle(() -> new VerticleBase() {
          @Override
          public Future<?> start() {
            return listen.get();
          }
        }, new DeploymentOptions().setInstances(count))
        .onSuccess(id -> deployment = id)
        .mapEmpty();
  }

  int count() {
    return count;
  }

  /** Stops listening (already done when the service's own verticle is undeployed: this deployment is its child). */
  Future<Void> close() {
    return deployment == null || !vertx.deploymentIDs().contains(deployment)
        ? Future.succeededFuture()
        : vertx.undeploy(deployment);
  }
}
