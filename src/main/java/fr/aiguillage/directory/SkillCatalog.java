package fr.aiguillage.directory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The skill codes kept in {@code config/skills.json}, with their French labels. */
public final class SkillCatalog {

  private final Map<String, String> labels;

  public SkillCatalog(Map<String, String> labels) {
    this.labels = Map.copyOf(labels);
  }

  public static SkillCatalog load(Path file) {
    try {
      JsonArray skills = new JsonObject(Files.readString(file)).getJsonArray("skills");
      Map<String, String> labels = new LinkedHashMap<>();
      for (int i = 0; i < skills.size(); i++) {
        JsonObject skill = skills.getJsonObject(i);
        labels.put(skill.getString("code"), skill.getString("label"));
      }
      return new SkillCatalog(labels);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read skills file " + file.toAbsolutePath(), e);
    }
  }

  public boolean knows(String code) {
    return labels.containsKey(code);
  }

  public Set<String> codes() {
    return labels.keySet();
  }
}
