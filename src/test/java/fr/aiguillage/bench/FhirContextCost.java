package fr.aiguillage.bench;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What HAPI FHIR would cost the service if it built its answers with it: time to create an R4 FhirContext and to
 * parse + encode a first search Bundle (the model classes load lazily), then the heap it keeps. Run in a JVM of
 * its own by scripts/bench-fhir.sh.
 */
public final class FhirContextCost {

  /** Used when the benchmark left no answer behind: one slot, the shape of the SAS answers. */
  private static final String SMALL = """
      {"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"fullUrl":"https://x/fhir/r4/Slot/a",
       "resource":{"resourceType":"Slot","id":"a","meta":{"security":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau","code":"SNP"}]},
       "serviceType":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}]}],
       "schedule":{"reference":"Schedule/b"},"status":"free","start":"2026-11-24T09:00:00+01:00",
       "end":"2026-11-24T09:20:00+01:00"},"search":{"mode":"match"}}]}""";

  public static void main(String[] args) throws Exception {
    String bundle = args.length > 0 && Files.size(Path.of(args[0])) > 2 ? Files.readString(Path.of(args[0])) : SMALL;
    Runtime rt = Runtime.getRuntime();
    gc();
    long heap0 = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    FhirContext context = FhirContext.forR4();
    long t1 = System.nanoTime();
    Bundle parsed = context.newJsonParser().parseResource(Bundle.class, bundle);
    String encoded = context.newJsonParser().encodeResourceToString(parsed);
    long t2 = System.nanoTime();
    long repeat = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      context.newJsonParser().encodeResourceToString(parsed);
    }
    long t3 = System.nanoTime();
    gc();
    long heap1 = rt.totalMemory() - rt.freeMemory();
    System.out.printf("HAPI FHIR R4: FhirContext.forR4() %.0f ms; first parse + encode of a %d-byte Bundle %.0f ms;"
        + " then %.3f ms per encode; heap kept %.1f MB (context and model classes)%n", (t1 - t0) / 1e6,
        encoded.length(), (t2 - t1) / 1e6, (t3 - repeat) / 1e6 / 1000, (heap1 - heap0) / 1048576.0);
    System.out.println(context.getVersion().getVersion() + " " + parsed.getEntry().size() + " entries");
  }

  private static void gc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
  }
}
