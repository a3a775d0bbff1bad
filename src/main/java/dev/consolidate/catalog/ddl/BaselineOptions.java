package dev.consolidate.catalog.ddl;

/**
 * How to write a baseline. {@code sourceLabel} goes into the header (e.g. "replay of
 * supabase/migrations (14 files)"); {@code runner} is the role that will run the baseline (null:
 * the role that read the snapshot): objects it should own get no ALTER OWNER; {@code owners}
 * false leaves ownership out entirely (the no-owner option).
 */
public record BaselineOptions(String sourceLabel, String runner, boolean owners) {

    public static BaselineOptions of(String sourceLabel) {
        return new BaselineOptions(sourceLabel, null, true);
    }

    public BaselineOptions withoutOwners() {
        return new BaselineOptions(sourceLabel, runner, false);
    }

    public BaselineOptions runBy(String role) {
        return new BaselineOptions(sourceLabel, role, owners);
    }
}
