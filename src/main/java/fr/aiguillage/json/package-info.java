/** The one JSON mapping configuration, shared by the web layer and by stored snapshots. Depends on nothing of ours. */
package fr.aiguillage.json;
