package fr.aiguillage.failure;

/** One invalid field of a request and why, in words a person can act on. */
public record FieldError(String field, String message) {
}
