package fr.aiguillage.fuzz;

import io.vertx.core.buffer.Buffer;

import java.util.Map;

/**
 * One request the fuzzer sends: the operation it aims at, what was changed ({@code mutation}, e.g.
 * "body.phone = NUL"), and the raw method, URI, headers and body bytes.
 */
record FuzzRequest(String operationId, String mutation, String method, String uri, Map<String, String> headers,
                   Buffer body, boolean streams) {

  /** A short, printable description for the findings (long values cut). */
  String describe() {
    String shown = uri.length() > 160 ? uri.substring(0, 160) + "…(" + uri.length() + " chars)" : uri;
    String text = body == null ? "" : body.toString();
    String bodyShown = text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + " bytes)" : text;
    return method + " " + shown + (body == null ? "" : " body " + bodyShown.replace("\u0000", "\\u0000"))
        + " [" + mutation + "]";
  }
}
