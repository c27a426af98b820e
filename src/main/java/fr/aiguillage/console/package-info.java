/**
 * The web console's serving side: its static files (one HTML shell, one ES module per screen, WebJars), its
 * settings, and the security headers of every answer. Depends on config only; the screens talk to the API.
 */
package fr.aiguillage.console;
