/**
 * Telephony intake (signed webhook), call records and the operators' live stream (SSE). Depends on
 * {@code events}, {@code patient}, {@code directory} (phone numbers) and {@code security}.
 */
package fr.aiguillage.calls;
