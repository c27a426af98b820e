package fr.aiguillage.fhir.resource;

import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.fhir.model.SasSlot;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
  private static final byte[] APPOINTMENT_TYPE_BYTES = ByteText.utf8(Resources.APPOINTMENT_TYPE);

  private static final Map<SlotKind, byte[]> SLOT_META = new EnumMap<>(SlotKind.class);

  static {
    for (SlotKind kind : SlotKind.values()) {
      SLOT_META.put(kind, ByteText.utf8(Resources.SLOT_META.get(kind)));
    }
  }

  /** A slot's {@code serviceType} by territory (it names the territory's HealthcareService), as UTF-8. */
  private final Map<String, byte[]> serviceTypes = new ConcurrentHashMap<>();
  /** The booking addresses' start as it is written inside a JSON string, as UTF-8. */
  private final byte[] bookingPrefix;

  SlotEntries(String bookingPrefix) {
    this.bookingPrefix = ByteText.utf8(FhirJson.escaped(bookingPrefix));
  }

  /** {@code fullUrlPrefix}: the escaped base of the slots' fullUrls, ending with '/', as UTF-8. */
  void append(ByteText out, byte[] fullUrlPrefix, SasSlot s) {
    UUID id = s.slot().id();
    out.append(ENTRY_FULL_URL).append(fullUrlPrefix).uuid(id)
        .append(ENTRY_ID).uuid(id)
        .append(ENTRY_META).append(SLOT_META.get(s.slot().kind()))
        .append(ENTRY_SERVICE_TYPE).append(serviceTypes.computeIfAbsent(s.territory().id(),
            t -> ByteText.utf8(Resources.serviceType(t))))
        .append(ENTRY_APPOINTMENT_TYPE).append(APPOINTMENT_TYPE_BYTES)
        .append(ENTRY_SCHEDULE).uuid(s.site().id())
        .append(ENTRY_START).instant(s.slot().start())
        .append(ENTRY_END).instant(s.slot().end())
        .append(ENTRY_COMMENT).append(bookingPrefix).uuid(id)
        .append(ENTRY_CLOSE);
  }
}
