package fr.aiguillage.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/** The benchmarks' view of this JVM's own CPU: the whole process, each thread, the JIT and the collections. */
final class JvmCpu {

  private JvmCpu() {
  }

  /** CPU time of this JVM's process, every thread included (GC and VM threads too), in nanoseconds. */
  static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time (or its user part only) of every live Java thread, by thread id, in nanoseconds. */
  static Map<Long, Long> threadNanos(boolean userOnly) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      cpu.put(id, userOnly ? threads.getThreadUserTime(id) : threads.getThreadCpuTime(id));
    }
    return cpu;
  }

  /** The compiler threads' total time so far, in milliseconds (0 where the JVM does not measure it). */
  static long jitMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  /** The collections' total time so far, in milliseconds. */
  static long gcPauseMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }
}
