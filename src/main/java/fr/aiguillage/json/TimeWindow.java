package fr.aiguillage.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The dates the service accepts, said once (decision 0013, and in openapi.yaml's description): date-times from
 * 2000-01-01 to 2100-01-01, dates from 1900-01-01 to 2100-01-01. Outside, PostgreSQL or time arithmetic would
 * overflow ({@code +999999999-12-31T23:59:59Z}); such a value is refused as the field's error where JSON is read.
 */
public final class TimeWindow {

  public static final OffsetDateTime EARLIEST = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  public static final OffsetDateTime LATEST = OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST_DATE = LocalDate.of(2100, 1, 1);

  private TimeWindow() {
  }

  public static boolean accepts(OffsetDateTime t) {
    return !t.isBefore(EARLIEST) && t.isBefore(LATEST);
  }

  public static boolean accepts(LocalDate d) {
    return !d.isBefore(EARLIEST_DATE) && d.isBefore(LATEST_DATE);
  }

  static SimpleModule module() {
    return new SimpleModule("time-window")
        .addDeserializer(OffsetDateTime.class, new JsonDeserializer<>() {
          @Override
          public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            OffsetDateTime t = InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctx);
            if (t != null && !accepts(t)) {
              throw InvalidFormatException.from(p, "a date-time between 2000 and 2100", t, OffsetDateTime.class);
            }
            return t;
          }
        })
        .addDeserializer(LocalDate.class, new JsonDeserializer<>() {
          @Override
          public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            LocalDate d = LocalDateDeserializer.INSTANCE.deserialize(p, ctx);
            if (d != null && !accepts(d)) {
              throw InvalidFormatException.from(p, "a date between 1900 and 2100", d, LocalDate.class);
            }
            return d;
          }
        });
  }
}
