package fr.aiguillage.security;

import io.vertx.core.Future;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What account rules need to know of the directory, named in the security module's words. */
public interface ReferenceData {

  Future<Set<String>> territoryIds();

  /** The territories the professional practises in; empty when there is no such professional. */
  Future<Optional<Set<String>>> professionalTerritories(UUID professionalId);
}
