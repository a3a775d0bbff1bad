/**
 * The catalog snapshot: object identities, canonical descriptions and their hashes, and the
 * snapshot's deterministic JSON form.
 */
package dev.consolidate.catalog.model;
