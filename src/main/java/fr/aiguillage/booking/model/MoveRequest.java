package fr.aiguillage.booking.model;

import java.util.UUID;

/** Move an appointment to another free slot; {@code reason} is why (kept as the old one's cancel reason). */
public record MoveRequest(UUID slotId, String reason) {
}
