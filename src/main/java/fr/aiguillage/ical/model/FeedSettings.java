package fr.aiguillage.ical.model;

/** A professional's feed settings. */
public record FeedSettings(Privacy privacy, boolean showFreeSlots) {

  public static final FeedSettings DEFAULT = new FeedSettings(Privacy.NONE, false);
}
