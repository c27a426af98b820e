/**
 * Synthetic demo data for the default run (no real person anywhere). Goes through the modules'
 * services like any other client; never touches their tables except to check its own marker.
 */
package fr.aiguillage.demo;
