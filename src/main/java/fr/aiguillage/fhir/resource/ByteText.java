package fr.aiguillage.fhir.resource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * JSON text built straight as UTF-8 bytes, for the search answer's slot entries (decision 0039): pre-encoded parts
 * copied as they are, ids and instants written as ASCII digits. Building them as a String and encoding it afterwards
 * cost a fifth of the event loop: one non-ASCII letter in the serviceType's display ("Communauté") sends the whole
 * 250 KB text down the JDK's slow, char-by-char UTF-8 path.
 */
final class ByteText {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int size;

  ByteText(int capacity) {
    this.bytes = new byte[Math.max(capacity, 64)];
  }

  /** {@code text}'s UTF-8 bytes, once, for the parts that never change. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  boolean isEmpty() {
    return size == 0;
  }

  ByteText append(byte[] part) {
    room(part.length);
    System.arraycopy(part, 0, bytes, size, part.length);
    size += part.length;
    return this;
  }

  /** An ASCII character. */
  ByteText append(char c) {
    room(1);
    bytes[size++] = (byte) c;
    return this;
  }

  /** The id as {@link UUID#toString()} writes it (8-4-4-4-12 lower-case hexadecimal digits). */
  ByteText uuid(UUID id) {
    room(36);
    long high = id.getMostSignificantBits();
    long low = id.getLeastSignificantBits();
    hex(high >>> 32, 8);
    bytes[size++] = '-';
    hex(high >>> 16, 4);
    bytes[size++] = '-';
    hex(high, 4);
    bytes[size++] = '-';
    hex(low >>> 48, 4);
    bytes[size++] = '-';
    hex(low, 12);
    return this;
  }

  /** FHIR {@code instant}: {@code yyyy-MM-ddTHH:mm:ss} and the offset ({@code Z} or {@code +hh:mm}), years 1000-9999.
   */
  ByteText instant(OffsetDateTime time) {
    room(25);
    digits(time.getYear(), 4);
    bytes[size++] = '-';
    digits(time.getMonthValue(), 2);
    bytes[size++] = '-';
    digits(time.getDayOfMonth(), 2);
    bytes[size++] = 'T';
    digits(time.getHour(), 2);
    bytes[size++] = ':';
    digits(time.getMinute(), 2);
    bytes[size++] = ':';
    digits(time.getSecond(), 2);
    int offset = time.getOffset().getTotalSeconds();
    if (offset == 0) {
      bytes[size++] = 'Z';
    } else {
      bytes[size++] = (byte) (offset < 0 ? '-' : '+');
      int minutes = Math.abs(offset) / 60;
      digits(minutes / 60, 2);
      bytes[size++] = ':';
      digits(minutes % 60, 2);
    }
    return this;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  private void hex(long value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      bytes[size + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    size += width;
  }

  private void digits(int value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      bytes[size + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += width;
  }

  private void room(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
