package fr.aiguillage.notify.model;

/**
 * A message ready to go: channel, address (E.164 or e-mail), subject (e-mail), text, and an optional iCalendar
 * attachment with its METHOD (REQUEST or CANCEL). {@code smsText} describes the SMS encoding and segments.
 */
public record Message(Channel channel, String recipient, String subject, String text, String calendar,
                      String calendarMethod, SmsText smsText) {
}
