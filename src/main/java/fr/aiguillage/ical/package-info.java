/**
 * iCalendar: each professional's private feed (token, privacy, ETag) and availability imported from an
 * uploaded or subscribed calendar. Depends on {@code agenda}, {@code booking}, {@code patient},
 * {@code directory} and {@code security}, each through its service.
 */
package fr.aiguillage.ical;
