package fr.aiguillage.notify;

import fr.aiguillage.support.Await;
import fr.aiguillage.support.TestServer;

/** Runs an instance's notification dispatcher once and waits until that run has handled everything due. */
final class Dispatch {

  private Dispatch() {
  }

  static int now(TestServer server) {
    return Await.result(server.vertx.eventBus().<Integer>request(NotifyModule.DISPATCH_ADDRESS, null)).body();
  }
}
