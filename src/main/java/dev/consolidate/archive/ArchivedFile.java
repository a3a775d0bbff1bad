package dev.consolidate.archive;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One file the archive moves, as the manifest records it.
 *
 * @param path   relative to the archive folder (and to the migrations folder it came from), '/'-separated
 * @param from   where it was, relative to the project root
 * @param to     where it is now, relative to the project root
 * @param size   its size in bytes
 * @param sha256 lower-case hex SHA-256 of its bytes
 * @param sum    the chained SHA-256 after this file (see {@link ChainedSum})
 */
@JsonPropertyOrder({"path", "from", "to", "size", "sha256", "sum"})
public record ArchivedFile(String path, String from, String to, long size, String sha256, String sum) {
}
