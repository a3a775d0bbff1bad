package dev.consolidate.history;

import dev.consolidate.problem.Problem;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Clock;
import java.util.regex.Pattern;

/** Default baseline names and the check of a user's choice. */
final class BaselineNames {
    static final String DEFAULT = "consolidated_baseline";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_. -]*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private BaselineNames() {
    }

    /** The user's name if given (checked), else {@code fallback}. */
    static String chosen(String userName, String fallback) {
        if (userName == null || userName.isBlank()) {
            return fallback;
        }
        if (!SAFE.matcher(userName).matches() || userName.length() > 120) {
            throw Problem.usage("The baseline name \"" + userName + "\" cannot be used.")
                    .why("It becomes part of a file or folder name and of a history row: letters, digits, '_', '-',"
                            + " '.' and spaces only, starting with a letter or digit, at most 120 characters.")
                    .fix("Pass another --baseline-name, e.g. --baseline-name consolidated_baseline.")
                    .state("Nothing was changed.")
                    .build();
        }
        return userName;
    }

    /** A UTC yyyyMMddHHmmss stamp, the form Supabase, Prisma and dbmate give new migrations. */
    static String stamp(Clock clock) {
        return STAMP.format(clock.instant());
    }

    /** The sibling folder "<folder><suffix>" (supabase/migrations -> supabase/migrations_archive). */
    static String sibling(String folder, String suffix) {
        String f = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        return f.isEmpty() ? "migrations" + suffix : f + suffix;
    }

    /** Where consolidated files go: "<folder>_archive", or "<folder>_legacy_sql" when converting to another tool. */
    static String archiveFor(BaselineRequest request, Tool target) {
        return sibling(request.source().folder(), request.converting(target) ? "_legacy_sql" : "_archive");
    }

    static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }
}
