package fr.aiguillage.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the service whose line can be cut: cutting closes every connection going through
 * it and refuses new ones until it is restored — what a browser sees when the network drops. It can also lose
 * answers: the request reaches the service, which acts on it, and the line drops before the answer comes back.
 */
public final class CuttableProxy implements AutoCloseable {

  private final NetServer server;
  private final NetClient client;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;
  private volatile String loseAnswersTo;
  private final AtomicInteger lost = new AtomicInteger();

  private CuttableProxy(NetServer server, NetClient client) {
    this.server = server;
    this.client = client;
  }

  public static CuttableProxy start(Vertx vertx, int targetPort) {
    NetClient client = vertx.createNetClient();
    CuttableProxy[] self = new CuttableProxy[1];
    NetServer server = vertx.createNetServer().connectHandler(in -> self[0].relay(in, targetPort));
    self[0] = new CuttableProxy(server, client);
    Await.result(server.listen(0, "localhost"));
    return self[0];
  }

  private void relay(NetSocket in, int targetPort) {
    if (cut) {
      in.close();
      return;
    }
    in.pause();
    client.connect(targetPort, "localhost").onSuccess(out -> {
      open.add(in);
      open.add(out);
      in.closeHandler(v -> { open.remove(in); out.close(); });
      out.closeHandler(v -> { open.remove(out); in.close(); });
      boolean[] doomed = {false};
      in.handler(bytes -> {
        String fragment = loseAnswersTo;
        if (fragment != null && bytes.toString(StandardCharsets.ISO_8859_1).contains(fragment)) {
          doomed[0] = true;
        }
        out.write(bytes);
      });
      out.handler(bytes -> {
        if (doomed[0]) {
          lost.incrementAndGet();
          in.close();
        } else {
          in.write(bytes);
        }
      });
      in.resume();
    }).onFailure(e -> in.close());
  }

  public int port() {
    return server.actualPort();
  }

  /** Drops every connection and refuses new ones ({@code true}), or lets them through again. */
  public void cut(boolean cut) {
    this.cut = cut;
    if (cut) {
      open.forEach(NetSocket::close);
    }
  }

  /**
   * While set, every request whose first bytes contain {@code requestLine} (e.g. {@code "POST /api/v1/appointments "})
   * is delivered, and its answer is lost: the connection closes when the service starts answering. {@code null}
   * stops losing answers.
   */
  public void loseAnswersTo(String requestLine) {
    this.loseAnswersTo = requestLine;
  }

  /** How many answers were lost so far. */
  public int lostAnswers() {
    return lost.get();
  }

  @Override
  public void close() {
    Await.result(server.close());
    Await.result(client.close());
  }
}
