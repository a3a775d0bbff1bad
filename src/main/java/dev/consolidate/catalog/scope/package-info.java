/** Which catalog objects belong to the migration history rather than to its environment. */
package dev.consolidate.catalog.scope;
