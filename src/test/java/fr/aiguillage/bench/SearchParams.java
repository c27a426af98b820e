package fr.aiguillage.bench;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The parameters of the searches bench-booking.sh measures through HTTP, kept in {@code bench_search} so pgbench
 * replays the same searches' SQL: the commune's place and territory, the profession, the start of the window
 * (hours from now), and whether the service also looked for overbooking candidates (fewer than 10 results). Only
 * the searches answered 200 are kept: a refused one ran none of these statements.
 */
record SearchParams(String commune, String profession, int fromHours) {

  /**
   * Seven searches in ten for a GP, the rest for a pharmacist, from any of the next {@code startHours} hours (at
   * most six days, so that the window ends before the data set's last slot).
   */
  static List<SearchParams> plan(List<String> communes, int n, int startHours, Random random) {
    List<SearchParams> planned = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      planned.add(new SearchParams(communes.get(random.nextInt(communes.size())),
          random.nextInt(10) < 7 ? "GENERAL_PRACTITIONER" : "PHARMACIST", random.nextInt(startHours)));
    }
    return planned;
  }

  static void store(Pool pool, List<SearchParams> planned, int[] resultCounts) throws Exception {
    pool.query("""
        CREATE TABLE bench_search (n int PRIMARY KEY, lat float8, lon float8, profession text, territories text,
                                   from_hours int, overbooking int)""").execute().await(1, TimeUnit.MINUTES);
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      SearchParams p = planned.get(i);
      if (resultCounts[i] >= 0) { // answered 200: a failed search issued none of the statements replayed
        rows.add(Tuple.of(rows.size() + 1, p.commune(), p.profession(), p.fromHours(), resultCounts[i] < 10 ? 1 : 0));
      }
    }
    pool.preparedQuery("""
        INSERT INTO bench_search
        SELECT $1, c.lat, c.lon, $3, '{' || c.territory_id || '}', $4, $5 FROM commune c WHERE c.insee = $2""")
        .executeBatch(rows).await(10, TimeUnit.MINUTES);
    long overbooking = rows.stream().filter(r -> r.getInteger(4) == 1).count();
    System.out.printf("searches kept for pgbench: %d, of which %d also looked for overbooking candidates%n",
        rows.size(), overbooking);
  }
}
