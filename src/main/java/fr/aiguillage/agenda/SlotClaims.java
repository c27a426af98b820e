package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.store.SlotStore;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.NotFound;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.util.UUID;

/**
 * Taking and giving back a slot, inside the booking's own transaction. Taking is one conditional
 * UPDATE (free and in the future): two bookings of one slot can never both succeed, with no prior SELECT.
 */
public final class SlotClaims {

  private final SlotStore slots = new SlotStore();

  public Future<Slot> claim(SqlClient tx, UUID slotId, Instant now) {
    return slots.claim(tx, slotId, now).compose(claimed -> claimed.isPresent()
        ? Future.succeededFuture(claimed.get())
        : slots.findById(tx, slotId, false).compose(found -> Future.failedFuture(found
            .<RuntimeException>map(slot -> whyNot(slot, now))
            .orElseGet(() -> new NotFound("slot " + slotId)))));
  }

  /** Gives a slot back: free again if it is still to come (blocked inside an absence), else cancelled. */
  public Future<Slot> release(SqlClient tx, UUID slotId, Instant now) {
    return slots.release(tx, slotId, now);
  }

  private static RuntimeException whyNot(Slot slot, Instant now) {
    return switch (slot.status()) {
      case BOOKED -> new Conflict("SLOT_TAKEN", "slot " + slot.id() + " has just been booked");
      case BLOCKED, CANCELLED -> new Conflict("SLOT_UNAVAILABLE", "slot " + slot.id() + " is " + slot.status().wire());
      case FREE -> new Conflict("SLOT_IN_PAST", "slot " + slot.id() + " has already started");
    };
  }
}
