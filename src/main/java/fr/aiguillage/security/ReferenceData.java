package fr.aiguillage.security;

import io.vertx.core.Future;

import java.util.Set;
import java.util.UUID;

/** What account rules need to know of the directory, named in the security module's words. */
public interface ReferenceData {

  Future<Set<String>> territoryIds();

  Future<Boolean> professionalExists(UUID professionalId);
}
