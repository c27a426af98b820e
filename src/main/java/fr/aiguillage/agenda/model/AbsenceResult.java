package fr.aiguillage.agenda.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An absence recorded: the free slots it blocked and the booked ones inside it, to be handled by hand, and the
 * duties of the rota it covers (saved with confirm; still held until the coordinator reassigns them).
 */
public record AbsenceResult(UUID id, UUID professionalId, OffsetDateTime from, OffsetDateTime to, String reason,
                            int blockedSlots, List<Slot> bookedSlots, List<DutyOverlap> duties) {
}
