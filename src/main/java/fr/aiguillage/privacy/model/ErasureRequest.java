package fr.aiguillage.privacy.model;

/** Why the patient's identity is erased (their request, its date, the channel): kept in the audit trail. */
public record ErasureRequest(String reason) {
}
