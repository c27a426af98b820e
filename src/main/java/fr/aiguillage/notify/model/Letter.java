package fr.aiguillage.notify.model;

import java.util.UUID;

/**
 * A message another module composed for professionals, in both channels' words: {@code topic} names what it is
 * about ({@code rota.dutyOffered}), {@code ref} the act (one message per act and professional). Never patient data.
 */
public record Letter(String topic, UUID ref, String territoryId, String sms, String subject, String mail) {
}
