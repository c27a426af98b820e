package fr.aiguillage.fhir.resource;

import com.fasterxml.jackson.core.SerializableString;
import fr.aiguillage.fhir.model.SasSlot;

import java.util.UUID;
import java.util.function.Function;

/**
 * The search answer's slot entries ({@code fullUrl}, the Slot as {@link Resources#slot} writes it, {@code search.mode}
 * match), appended as UTF-8 bytes from pre-encoded parts: only the ids and the two instants change from slot to slot,
 * and they need no escaping (decisions 0031, 0039). FhirSlotSearchTest checks that each is its read's JSON.
 */
final class SlotEntries {

  /** A slot entry's fixed text between its variable parts ({@link #append}). */
  private static final byte[] ENTRY_FULL_URL = ByteText.utf8("{\"fullUrl\":\"");
  private static final byte[] ENTRY_ID = ByteText.utf8("\",\"resource\":{\"resourceType\":\"Slot\",\"id\":\"");
  private static final byte[] ENTRY_META = ByteText.utf8("\",\"meta\":");
  private static final byte[] ENTRY_SERVICE_TYPE = ByteText.utf8(",\"serviceType\":");
  private static final byte[] ENTRY_APPOINTMENT_TYPE = ByteText.utf8(",\"appointmentType\":");
  private static final byte[] ENTRY_SCHEDULE = ByteText.utf8(",\"schedule\":{\"reference\":\"Schedule/");
  private static final byte[] ENTRY_START = ByteText.utf8("\"},\"status\":\"free\",\"start\":\"");
  private static final byte[] ENTRY_END = ByteText.utf8("\",\"end\":\"");
  private static final byte[] ENTRY_COMMENT = ByteText.utf8("\",\"comment\":\"");
  private static final byte[] ENTRY_CLOSE = ByteText.utf8("\"},\"search\":{\"mode\":\"match\"}}");

  /** A slot's {@code serviceType} by territory, as {@link Resources#slot} writes it (its UTF-8 bytes kept). */
  private final Function<String, SerializableString> serviceTypes;
  /** The booking addresses' start as it is written inside a JSON string, as UTF-8. */
  private final byte[] bookingPrefix;

  SlotEntries(String bookingPrefix, Function<String, SerializableString> serviceTypes) {
    this.bookingPrefix = ByteText.utf8(FhirJson.escaped(bookingPrefix));
    this.serviceTypes = serviceTypes;
  }

  /** {@code fullUrlPrefix}: the escaped base of the slots' fullUrls, ending with '/', as UTF-8. */
  void append(ByteText out, byte[] fullUrlPrefix, SasSlot s) {
    UUID id = s.slot().id();
    out.append(ENTRY_FULL_URL).append(fullUrlPrefix).uuid(id)
        .append(ENTRY_ID).uuid(id)
        .append(ENTRY_META).append(Resources.SLOT_META.get(s.slot().kind()).asUnquotedUTF8())
        .append(ENTRY_SERVICE_TYPE).append(serviceTypes.apply(s.territory().id()).asUnquotedUTF8())
        .append(ENTRY_APPOINTMENT_TYPE).append(Resources.APPOINTMENT_TYPE.asUnquotedUTF8())
        .append(ENTRY_SCHEDULE).uuid(s.site().id())
        .append(ENTRY_START).instant(s.slot().start())
        .append(ENTRY_END).instant(s.slot().end())
        .append(ENTRY_COMMENT).append(bookingPrefix).uuid(id)
        .append(ENTRY_CLOSE);
  }
}
