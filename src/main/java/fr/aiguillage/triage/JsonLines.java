package fr.aiguillage.triage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The line where each JSON pointer of a text starts, so a refused rule can be shown where the referent wrote it. */
final class JsonLines {

  private static final JsonFactory FACTORY = new JsonFactory();
  private final Map<String, Integer> lines;

  private JsonLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** Lines of a well-formed text (syntax errors are the parser's to report). */
  static JsonLines of(String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          String pointer = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
              ? p.getParsingContext().getParent() == null ? "" : p.getParsingContext().getParent().pathAsPointer()
                  .toString()
              : p.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      return new JsonLines(Map.of());
    }
    return new JsonLines(lines);
  }

  /** The line of {@code pointer}, or of its nearest recorded parent; 0 when unknown. */
  int line(String pointer) {
    for (String at = pointer; ; at = at.substring(0, at.lastIndexOf('/'))) {
      Integer line = lines.get(at);
      if (line != null) {
        return line;
      }
      if (at.isEmpty()) {
        return 0;
      }
    }
  }
}
