package fr.aiguillage.booking.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Filters of the appointment listing, plus the caller's scope: territories (operators, coordinators), the
 * professional they are (professionals), the account that booked (orienters). A row matches any scope given.
 */
public record AppointmentQuery(UUID professionalId, UUID patientId, Instant from, Instant to,
                               AppointmentStatus status, List<String> scopeTerritories, UUID scopeProfessional,
                               UUID scopeBookedBy, int limit) {
}
