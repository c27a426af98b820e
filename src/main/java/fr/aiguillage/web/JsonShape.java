package fr.aiguillage.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.json.Json;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Bounds a JSON body's lists before the contract's validator reads it: no array may hold more than
 * {@link #MAX_ITEMS} items (every list of the contract is far shorter). The validator builds one error per bad
 * item, in more than linear time: a 20,000-item list held the event loop for seconds (issue 21). One streaming
 * pass, no tree built; a body that is not JSON is left to the validator to refuse.
 */
final class JsonShape implements Handler<RoutingContext> {

  static final int MAX_ITEMS = 1_000;

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0 || type == null
        || !type.toLowerCase(Locale.ROOT).contains("json")) {
      ctx.next();
      return;
    }
    String tooLong = firstTooLongList(ctx.body().buffer().getBytes());
    if (tooLong != null) {
      ctx.fail(new Invalid(tooLong, "at most " + MAX_ITEMS + " items"));
    } else {
      ctx.next();
    }
  }

  /** The path of the first array longer than the bound, or null. */
  static String firstTooLongList(byte[] body) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      Deque<int[]> counts = new ArrayDeque<>();
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        boolean opens = token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT;
        JsonStreamContext container = opens ? parser.getParsingContext().getParent() : parser.getParsingContext();
        if ((opens || token.isScalarValue()) && container != null && container.inArray()
            && ++counts.peek()[0] > MAX_ITEMS) {
          String pointer = container.pathAsPointer().toString();
          String list = ValidationErrors.pointerToPath(pointer).replaceFirst("\\[\\d+]$", "");
          return list.isEmpty() ? "body" : list;
        }
        if (token == JsonToken.START_ARRAY) {
          counts.push(new int[1]);
        } else if (token == JsonToken.END_ARRAY) {
          counts.pop();
        }
      }
      return null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }
}
