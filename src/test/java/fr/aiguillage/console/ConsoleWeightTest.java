package fr.aiguillage.console;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The console stays light: all its JavaScript and CSS, Leaflet included, at most 150 KB gzipped. */
class ConsoleWeightTest {

  private static final long CEILING = 150 * 1024;
  private static final List<String> LEAFLET = List.of("META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.js",
      "META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.css");

  @Test
  @DisplayName("every script and stylesheet the console can load weighs at most 150 KB gzipped in total")
  void consoleIsLight() throws IOException, URISyntaxException {
    ClassLoader loader = getClass().getClassLoader();
    Path webroot = Path.of(loader.getResource("webroot/index.html").toURI()).getParent();
    List<byte[]> files = new ArrayList<>();
    try (var listing = Files.list(webroot)) {
      for (Path p : listing.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".css")).toList()) {
        files.add(Files.readAllBytes(p));
      }
    }
    for (String resource : LEAFLET) {
      try (InputStream in = loader.getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        files.add(in.readAllBytes());
      }
    }
    long total = 0;
    for (byte[] file : files) {
      total += gzipped(file);
    }
    System.out.printf("Console JavaScript + CSS: %d bytes gzipped (%.0f %% of 150 KB)%n", total, total * 100.0 / CEILING);
    assertThat(files).hasSizeGreaterThan(10);
    assertThat(total).isLessThanOrEqualTo(CEILING);
  }

  private static long gzipped(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write(content);
    }
    return out.size();
  }
}
