package fr.aiguillage.notify;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The French texts, as Mustache templates under {@code notify/} on the class path (mustache.java): logic-less,
 * so the words stay in the template files and the code only gives values. HTML templates are escaped for
 * HTML; SMS and e-mail text are written as they are; the SMS gateway body escapes values for JSON.
 */
public final class Templates {

  /** How values are escaped. */
  public enum Escape { HTML, TEXT, JSON }

  private final Map<Escape, MustacheFactory> factories = Map.of(
      Escape.HTML, new DefaultMustacheFactory("notify"),
      Escape.TEXT, new Raw(),
      Escape.JSON, new JsonEscaped());
  private final Map<String, Mustache> inline = new ConcurrentHashMap<>();

  /** Compiles every template once (class loading, parsing: slow the first time, so off the event loop). */
  public void warmUp(java.util.List<String> names) {
    names.forEach(name -> factories.values().forEach(f -> f.compile(name + ".mustache")));
  }

  /** Renders the template file {@code notify/<name>.mustache}. */
  public String render(String name, Escape escape, Object scope) {
    return run(factories.get(escape).compile(name + ".mustache"), scope);
  }

  /** Renders a template given as text (the SMS gateway body from the configuration). */
  public String renderText(String template, Escape escape, Object scope) {
    Mustache compiled = inline.computeIfAbsent(escape + ":" + template,
        key -> factories.get(escape).compile(new java.io.StringReader(template), "inline-" + key.hashCode()));
    return run(compiled, scope);
  }

  private static String run(Mustache template, Object scope) {
    StringWriter out = new StringWriter(512);
    template.execute(out, scope);
    return out.toString();
  }

  private static final class Raw extends DefaultMustacheFactory {
    Raw() {
      super("notify");
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class JsonEscaped extends DefaultMustacheFactory {
    JsonEscaped() {
      super("notify");
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        String quoted = io.vertx.core.json.Json.encode(value);
        writer.write(quoted, 1, quoted.length() - 2);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
