package fr.aiguillage.scope;

/**
 * One identifier an operation takes: where it travels, under which name, and what it names. A body name is a
 * top-level property of the JSON body; its value may be one id or an array of ids.
 */
public record Carried(In in, String name, IdKind kind) {

  /** Where an id travels in the request. */
  public enum In { PATH, QUERY, BODY }

  public static Carried path(String name, IdKind kind) {
    return new Carried(In.PATH, name, kind);
  }

  public static Carried query(String name, IdKind kind) {
    return new Carried(In.QUERY, name, kind);
  }

  public static Carried body(String name, IdKind kind) {
    return new Carried(In.BODY, name, kind);
  }
}
