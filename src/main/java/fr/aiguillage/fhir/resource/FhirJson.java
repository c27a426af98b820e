package fr.aiguillage.fhir.resource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FHIR JSON written straight into the answer's buffer with Jackson's streaming generator (no tree of objects
 * built and walked again: a search answer is about 250 KB, decision 0026), and the fixed parts of resources
 * serialised once ({@link #fragment}) then copied as they are.
 */
public final class FhirJson {

  /** Writes one JSON value. */
  @FunctionalInterface
  public interface Writing {
    void write(JsonGenerator json) throws IOException;
  }

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Map<String, SerializableString> METAS = new ConcurrentHashMap<>();

  private FhirJson() {
  }

  /** The value {@code writing} writes, as the bytes of an answer; {@code sizeHint}: the expected size. */
  public static Buffer buffer(int sizeHint, Writing writing) {
    Buffer buffer = Buffer.buffer(sizeHint);
    try (JsonGenerator json = FACTORY.createGenerator(new OutputStream() {
      @Override
      public void write(int b) {
        buffer.appendByte((byte) b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        buffer.appendBytes(bytes, offset, length);
      }
    })) {
      writing.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer;
  }

  /**
   * Writes {@code text}, a JSON value (or several, comma-separated, inside an array), as it is: its bytes are copied
   * straight into the output. Jackson's own raw write converts char by char, a fifth of a search's CPU on the event
   * loop for its 150 slot entries (decisions 0031, 0039).
   */
  static void rawValue(JsonGenerator json, ByteText text) throws IOException {
    json.writeRawValue(""); // the separator before it, and the value counted for the one after
    json.flush();
    text.writeTo((OutputStream) json.getOutputTarget());
  }

  /** A fixed value serialised once, for {@link JsonGenerator#writeRawValue(String)}. */
  static String fragment(Writing writing) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      writing.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** {@code text} as it is written between the quotes of a JSON string. */
  static String escaped(String text) {
    String quoted = fragment(json -> json.writeString(text));
    return quoted.substring(1, quoted.length() - 1);
  }

  static void telecom(JsonGenerator json, String phone) throws IOException {
    json.writeArrayFieldStart("telecom");
    json.writeStartObject();
    json.writeStringField("system", "phone");
    json.writeStringField("value", phone);
    json.writeStringField("use", "work");
    json.writeEndObject();
    json.writeEndArray();
  }

  /** {@code "meta": {"profile": [profile]}}, serialised once per profile and copied as UTF-8 bytes after. */
  static void meta(JsonGenerator json, String profile) throws IOException {
    json.writeFieldName("meta");
    json.writeRawValue(METAS.computeIfAbsent(profile, p -> serialized(g -> {
      g.writeStartObject();
      profile(g, p);
      g.writeEndObject();
    })));
  }

  /** A fixed value serialised once, for {@link JsonGenerator#writeRawValue(SerializableString)}; keeps its UTF-8. */
  static SerializableString serialized(Writing writing) {
    return new SerializedString(fragment(writing));
  }

  static void profile(JsonGenerator json, String profile) throws IOException {
    json.writeArrayFieldStart("profile");
    json.writeString(profile);
    json.writeEndArray();
  }

  /** {@code "field": {"reference": "Type/id"}}, or the object alone when {@code field} is null (in an array). */
  static void reference(JsonGenerator json, String field, String type, String id) throws IOException {
    if (field != null) {
      json.writeFieldName(field);
    }
    json.writeStartObject();
    json.writeStringField("reference", type + "/" + id);
    json.writeEndObject();
  }

  static void coding(JsonGenerator json, String system, String code) throws IOException {
    json.writeStartObject();
    json.writeStringField("system", system);
    json.writeStringField("code", code);
    json.writeEndObject();
  }

  static void concept(JsonGenerator json, String system, String code, String display) throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("coding");
    json.writeStartObject();
    json.writeStringField("system", system);
    json.writeStringField("code", code);
    if (display != null) {
      json.writeStringField("display", display);
    }
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  /** FHIR {@code instant}: {@code yyyy-MM-ddTHH:mm:ss} and the offset ({@code Z} or {@code +hh:mm}), years 1000-9999.
   */
  static String instant(OffsetDateTime time) {
    return new ByteText(25).instant(time).toString();
  }
}
