package fr.aiguillage.bench;

import fr.aiguillage.rota.model.Band;
import fr.aiguillage.rota.model.DayBand;
import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.Proposal;
import fr.aiguillage.rota.model.Volunteer;
import fr.aiguillage.rota.plan.MonthPlaces;
import fr.aiguillage.rota.plan.RotaPlanner;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Proposing a month (scripts/bench-rota.sh): a territory of {@code volunteers} GPs over {@code sectors} sectors, five
 * bands every day, each volunteer offering 1 to 6 duties with a few impossible and preferred days. Prints the median
 * time (wall and CPU) of the whole proposal, the time of the filling alone (one maximum flow per sector: the ceiling the fairness
 * layers are measured against) and the fairness figures. Arguments: volunteers sectors [runs].
 */
public final class RotaBench {

  private static final String GP = "GENERAL_PRACTITIONER";
  private static final int[][] HOURS = {{8, 10}, {10, 12}, {12, 14}, {14, 17}, {17, 20}};

  public static void main(String[] args) {
    int volunteers = Integer.parseInt(args[0]);
    int sectors = Integer.parseInt(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    YearMonth month = YearMonth.of(2027, 5);
    List<Band> bands = new ArrayList<>();
    for (int s = 0; s < sectors; s++) {
      for (int b = 0; b < HOURS.length; b++) {
        bands.add(new Band(id("band" + s, b), id("sector", s), "b" + b, EnumSet.allOf(DayOfWeek.class), false,
            LocalTime.of(HOURS[b][0], 0), LocalTime.of(HOURS[b][1], 0), GP, 1, 4, 15));
        bands.add(new Band(id("holiday" + s, b), id("sector", s), "h" + b, Set.of(), true,
            LocalTime.of(HOURS[b][0], 0), LocalTime.of(HOURS[b][1], 0), GP, 1, 4, 15));
      }
    }
    List<Place> places = MonthPlaces.of(month, bands);
    List<Volunteer> people = volunteers(volunteers, sectors, places);
    RotaPlanner planner = new RotaPlanner();
    planner.propose(places, people);
    long[] full = new long[runs];
    long[] fill = new long[runs];
    long[] cpu = new long[runs];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Proposal proposal = null;
    int filled = 0;
    for (int r = 0; r < runs; r++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      proposal = planner.propose(places, people);
      full[r] = System.nanoTime() - t0;
      cpu[r] = threads.getCurrentThreadCpuTime() - c0;
      long t1 = System.nanoTime();
      filled = planner.fillOnly(places, people);
      fill[r] = System.nanoTime() - t1;
    }
    double fullMs = median(full) / 1e6;
    double fillMs = median(fill) / 1e6;
    System.out.printf("rota bench: %d volunteers, %d sectors, %d places (%s, 5 bands a day)%n", volunteers, sectors,
        places.size(), month);
    System.out.printf("  proposal: median %.1f ms over %d runs (target < 2000 ms for 150 volunteers)%n", fullMs, runs);
    System.out.printf("  proposal CPU time (this thread, robust to a shared machine): median %.1f ms; load average"
        + " %.1f%n", median(cpu) / 1e6, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
    System.out.printf("  filling alone (max flow, the ceiling): median %.1f ms; proposal / filling = %.1fx%n", fillMs,
        fullMs / Math.max(fillMs, 0.001));
    System.out.printf("  held %d of %d places (max possible %d), gaps %d%n", proposal.assignments().size(),
        places.size(), filled, proposal.gaps().size());
    System.out.printf("  largest gap to the fair share: %.2f (weekend/holiday: %.2f); consecutive-day pairs: %d%n",
        proposal.largestGap(), proposal.largestSpecialGap(), proposal.consecutiveDays());
  }

  private static List<Volunteer> volunteers(int count, int sectors, List<Place> places) {
    Random random = new Random(42);
    List<Volunteer> list = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      Set<DayBand> impossible = new HashSet<>();
      Set<DayBand> preferred = new HashSet<>();
      for (int i = 0; i < 4; i++) {
        impossible.add(new DayBand(places.get(random.nextInt(places.size())).day(), null));
        Place p = places.get(random.nextInt(places.size()));
        preferred.add(new DayBand(p.day(), p.bandId()));
      }
      list.add(new Volunteer(id("gp", v), id("sector", v % sectors), GP, 1 + random.nextInt(6), impossible,
          preferred, List.of()));
    }
    return list;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static UUID id(String kind, int n) {
    return UUID.nameUUIDFromBytes((kind + n).getBytes(StandardCharsets.UTF_8));
  }
}
