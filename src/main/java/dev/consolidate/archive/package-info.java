/**
 * Archiving the consolidated migration files: what moves where, the compressed bundle of the
 * originals, the SHA-256 manifests laid into the archive folder, verified and resumable moves in
 * both directions, and the commands that undo it all by hand.
 */
package dev.consolidate.archive;
