/**
 * The history's data statements (lookup rows, storage buckets, seed rows) that a schema baseline
 * would drop: which can be carried beside the baseline and which are reported instead, the data
 * file that carries them, and the proof that it rebuilds the rows the history left.
 */
package dev.consolidate.carry;
