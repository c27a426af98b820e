package fr.aiguillage.web;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * A listener on several event loops, the one way every listener of the service is spread over the cores (the API's
 * {@code http.eventLoops}, the SAS's {@code fhir.eventLoops}; 0 is one per available processor): one verticle
 * instance per loop, each listening on the same port, and Vert.x hands each new connection to the next instance in
 * turn (decision 0025). The instances are deployed together, so each gets its own event loop. Whatever they share
 * must bear being called from several threads at once (decision 0025 lists what was checked).
 */
public final class EventLoops {

  private final Vertx vertx;
  private final int count;
  private volatile String deployment;

  /** {@code configured} event loops ({@code name} is the setting, for the refusal of a negative count). */
  public EventLoops(Vertx vertx, int configured, String name) {
    if (configured < 0) {
      throw new IllegalArgumentException(name + " must be 0 (one per processor) or more, not " + configured);
    }
    this.vertx = vertx;
    this.count = configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
  }

  /**
   * A port every instance can listen on: the configured one, or for 0 (any free port, the tests) a negative one,
   * which Vert.x reads as "a free port, the same for every server given this value" ({@code slot} tells listeners
   * apart). Port 0 itself would give each instance a port of its own.
   */
  public static int shared(int port, int slot) {
    return port == 0 ? -slot : port;
  }

  /**
   * Runs {@code listen} on each event loop, at once (inside it, {@code Vertx.currentContext()} is that loop's); done
   * when every loop listens.
   */
  public Future<Void> listen(Supplier<Future<?>> listen) {
    return vertx.deployVerticle(() -> new VerticleBase() {
          @Override
          public Future<?> start() {
            return listen.get();
          }
        }, new DeploymentOptions().setInstances(count))
        .onSuccess(id -> deployment = id)
        .mapEmpty();
  }

  public int count() {
    return count;
  }

  /** Stops listening (already done when the deploying verticle is undeployed: this deployment is its child). */
  public Future<Void> close() {
    String id = deployment;
    return id == null || !vertx.deploymentIDs().contains(id) ? Future.succeededFuture() : vertx.undeploy(id);
  }
}
