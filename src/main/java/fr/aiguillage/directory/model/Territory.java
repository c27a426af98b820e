package fr.aiguillage.directory.model;

import java.util.List;

/** A CPTS territory and the communes it covers. */
public record Territory(String id, String name, String department, List<Commune> communes) {
}
