package fr.aiguillage.fhir;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.aiguillage.fhir.model.SasListing;
import fr.aiguillage.fhir.store.SasSlotStore;
import fr.aiguillage.fhir.store.SasSlotStore.Listings;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SAS search's cache of the directory (decision 0041): for each RPPS asked for, the active professional and
 * their sites, or nothing, as read at one version of the directory (V34's stamp). Listings of one version only are kept:
 * another version seen anywhere drops them all. The slots, never cached, are read with the version they were read at,
 * and the search answers only when the two agree ({@link SasSlots}). At most {@value #MAX_LISTINGS} RPPS are kept,
 * the least used leaving first: a CPTS's directory fits many times over, and so does the booking
 * benchmark's 100,000 professionals (about 1 KB a professional with one site, measured: decision 0041).
 */
final class SasDirectory {

  static final int MAX_LISTINGS = 120_000;

  private record Generation(UUID stamp, Cache<String, Optional<SasListing>> listings) {
  }

  private final SasSlotStore store;
  private volatile Generation current = generation(null);

  SasDirectory(SasSlotStore store) {
    this.store = store;
  }

  /** The listings of these RPPS at one version: from the cache, or read (the missing ones) and kept. */
  Future<Listings> known(SqlClient db, List<String> rpps) {
    Generation at = current;
    Map<String, SasListing> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String r : rpps) {
      Optional<SasListing> listing = at.listings().getIfPresent(r);
      if (listing == null) {
        missing.add(r);
      } else {
        listing.ifPresent(l -> found.put(r, l));
      }
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(new Listings(at.stamp(), found));
    }
    return store.listings(db, missing).compose(read -> {
      keep(read, missing);
      if (read.stamp().equals(at.stamp()) || missing.size() == rpps.size()) {
        found.putAll(read.byRpps());
        return Future.succeededFuture(new Listings(read.stamp(), found));
      }
      // the cached ones are of another version: all of them again, into the generation just kept
      return store.listings(db, rpps).map(all -> {
        keep(all, rpps);
        return all;
      });
    });
  }

  /**
   * The directory is at {@code stamp}, not at the kept listings' one: they are dropped. Stamps are not ordered: a
   * database restored from a backup or failed over to a replica that was behind is one more stamp, and a search
   * whose statement began just before a change may drop the newer listings once (the next search reads them again).
   */
  void outdated(UUID stamp) {
    adopt(stamp);
  }

  private void keep(Listings read, List<String> asked) {
    Generation at = adopt(read.stamp());
    if (read.stamp().equals(at.stamp())) {
      read.byRpps().forEach((r, listing) -> at.listings().put(r, Optional.of(listing))); // keyed by the listing's own RPPS
      for (String r : asked) {
        if (!read.byRpps().containsKey(r)) {
          at.listings().put(r, Optional.empty());
        }
      }
    }
  }

  private synchronized Generation adopt(UUID stamp) {
    if (!stamp.equals(current.stamp())) {
      current = generation(stamp);
    }
    return current;
  }

  private static Generation generation(UUID stamp) {
    return new Generation(stamp, Caffeine.newBuilder().maximumSize(MAX_LISTINGS).executor(Runnable::run).build());
  }
}
