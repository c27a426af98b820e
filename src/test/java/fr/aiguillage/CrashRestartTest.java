package fr.aiguillage;

import fr.aiguillage.support.ChildService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service killed without warning ({@code kill -9}, a power cut, the OOM killer): what it leaves behind in
 * its embedded PostgreSQL's directory must not stop the next {@code ./scripts/run.sh}.
 */
class CrashRestartTest {

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("after a kill -9 of the service, whose PostgreSQL lives on, the next start stops that server and serves the same data")
  void restartAfterServiceKilled() throws Exception {
    ChildService service = new ChildService(dataDir);
    Process first = service.start("first.log");
    long postmaster;
    String password;
    long professionals;
    try {
      service.waitForHealth(first, "first.log");
      password = service.demoPassword("first.log");
      professionals = service.get("/api/v1/professionals?limit=1", service.login("coordination", password))
          .getLong("total");
      postmaster = service.postmasterPid();
    } finally {
      first.destroyForcibly();
    }
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the old postmaster outlives the JVM")
        .contains(true);

    Process second = service.start("second.log");
    try {
      service.waitForHealth(second, "second.log");
      String token = service.login("coordination", password);
      assertThat(service.get("/api/v1/professionals?limit=1", token).getLong("total")).isEqualTo(professionals);
      assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(service.read("second.log")).contains("of an earlier run are still using");
    } finally {
      second.destroy();
      second.waitFor(60, TimeUnit.SECONDS);
      ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroy); // a failed restart must not leave it running
    }
  }

  @Test
  @DisplayName("after a kill -9 of PostgreSQL's postmaster then of the service, the next start recovers the data")
  void restartAfterPostmasterAndServiceKilled() throws Exception {
    ChildService service = new ChildService(dataDir);
    Process first = service.start("first.log");
    String password;
    long professionals;
    try {
      service.waitForHealth(first, "first.log");
      password = service.demoPassword("first.log");
      professionals = service.get("/api/v1/professionals?limit=1", service.login("coordination", password))
          .getLong("total");
      Optional<ProcessHandle> postmaster = ProcessHandle.of(service.postmasterPid());
      assertThat(postmaster).isPresent();
      postmaster.get().destroyForcibly();
      assertThat(postmaster.get().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    } finally {
      first.destroyForcibly();
    }
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Process second = service.start("second.log");
    try {
      service.waitForHealth(second, "second.log");
      String token = service.login("coordination", password);
      assertThat(service.get("/api/v1/professionals?limit=1", token).getLong("total")).isEqualTo(professionals);
    } finally {
      second.destroy();
      second.waitFor(60, TimeUnit.SECONDS);
    }
  }
}
