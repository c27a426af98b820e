/**
 * Territory scope of every identifier a request carries: the table of what each operation takes
 * ({@link fr.aiguillage.scope.OperationIds}) and the one guard that places those ids in their territories before any
 * service acts. Depends on the security model (callers) and on each module's {@code territoriesOf} answer.
 */
package fr.aiguillage.scope;
