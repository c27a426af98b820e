package fr.aiguillage.booking;

/** Counts the booking path's outcomes for the operators' metrics; booking itself knows no metrics library. */
public interface BookingMeter {

  BookingMeter NONE = new BookingMeter() {
    @Override
    public void booked() {
    }

    @Override
    public void conflicted(String code) {
    }
  };

  /** A new appointment was committed (a replay of an idempotent request is not one). */
  void booked();

  /** The slot could not be had: {@code code} is the conflict's (SLOT_TAKEN, SLOT_UNAVAILABLE...). */
  void conflicted(String code);
}
