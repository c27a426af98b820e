package fr.aiguillage.rota.plan;

/**
 * Fair shares in proportion to what each volunteer offered: {@code filled × offered / Σ offered}, and the counts
 * within 1 of it ({@code lo..hi}, also never beyond what was offered).
 */
record Shares(double[] share, int[] lo, int[] hi) {

  static Shares of(int filled, int[] offered) {
    long sum = 0;
    for (int o : offered) {
      sum += o;
    }
    double[] share = new double[offered.length];
    int[] lo = new int[offered.length];
    int[] hi = new int[offered.length];
    for (int i = 0; i < offered.length; i++) {
      share[i] = sum == 0 ? 0 : (double) filled * offered[i] / sum;
      lo[i] = (int) Math.max(0, Math.ceil(share[i] - 1 - 1e-9));
      hi[i] = (int) Math.min(offered[i], Math.floor(share[i] + 1 + 1e-9));
    }
    return new Shares(share, lo, hi);
  }

  /**
   * The cost of a volunteer's {@code k}-th duty (1-based): free up to the low bound, {@code middle} within the
   * bounds, {@code over} beyond. With {@code over} far above every sum of {@code middle}, and {@code middle} above
   * every lower layer, a minimum-cost flow of fixed size meets every bound whenever some flow of that size can.
   */
  long marginal(int volunteer, int k, long middle, long over) {
    if (k <= lo[volunteer]) {
      return 0;
    }
    return k <= hi[volunteer] ? middle : over;
  }

  double largestGap(int[] counts) {
    double worst = 0;
    for (int i = 0; i < counts.length; i++) {
      worst = Math.max(worst, Math.abs(counts[i] - share[i]));
    }
    return worst;
  }
}
