package fr.aiguillage.ical;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most so many feed requests per token per minute on one instance (calendars poll every 15 minutes). */
final class FeedRateLimit {

  private record Window(long minute, int count) {
  }

  private final Clock clock;
  private final int perMinute;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  FeedRateLimit(Clock clock, int perMinute) {
    this.clock = clock;
    this.perMinute = perMinute;
  }

  boolean allow(String tokenKey) {
    long minute = clock.millis() / 60_000;
    if (windows.size() > 50_000) {
      windows.clear();
    }
    Window w = windows.merge(tokenKey, new Window(minute, 1),
        (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
    return w.count() <= perMinute;
  }
}
