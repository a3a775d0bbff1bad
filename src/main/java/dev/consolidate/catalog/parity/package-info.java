/**
 * The parity proof: an environment captured as a snapshot, a baseline applied to a fresh copy of
 * it, and the rebuilt catalog compared with its source.
 */
package dev.consolidate.catalog.parity;
