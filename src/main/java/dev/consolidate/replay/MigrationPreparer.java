package dev.consolidate.replay;

import dev.consolidate.fs.Sha256;
import dev.consolidate.history.Migration;
import dev.consolidate.history.MigrationKind;
import dev.consolidate.problem.Problem;
import dev.consolidate.sql.SourceText;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.sql.Statement;
import dev.consolidate.sql.StatementTrait;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Cuts migrations into statements and decides how each file is wrapped in transactions. */
public final class MigrationPreparer {
    private final SqlSplitter splitter;

    public MigrationPreparer(SqlSplitter splitter) {
        this.splitter = splitter;
    }

    /** A skipped file is not even split: the tool executes nothing of it. */
    public PreparedMigration prepare(Migration m) {
        SourceText source = new SourceText(m.path(), m.sql(), Math.max(1, m.sqlStartLine()));
        if (m.skipped()) {
            return new PreparedMigration(m, source, List.of(), FileMode.SKIPPED);
        }
        List<Statement> statements = splitter.split(source);
        return new PreparedMigration(m, source, statements, mode(m, statements));
    }

    /**
     * The bootstrap file as a migration of its own: it is split, checked and run with the same
     * rules, so its errors point at its lines too.
     */
    public PreparedMigration prepareBootstrap(Path file, String label) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw unreadable(label, "the file does not exist.");
        } catch (IOException e) {
            throw unreadable(label, e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable(label, "it is not UTF-8 text.");
        }
        Migration bootstrap = new Migration(null, "bootstrap", MigrationKind.VERSIONED, label, Sha256.hex(bytes), null,
                text, 1, true, false);
        return prepare(bootstrap);
    }

    static FileMode mode(Migration m, List<Statement> statements) {
        if (!m.transactional()) {
            return FileMode.NO_TRANSACTION_MARKER;
        }
        if (statements.stream().anyMatch(s -> s.has(StatementTrait.TRANSACTION_CONTROL))) {
            return FileMode.OWN_TRANSACTIONS;
        }
        if (statements.stream().anyMatch(s -> s.has(StatementTrait.NO_TRANSACTION))) {
            return FileMode.NO_TRANSACTION_STATEMENT;
        }
        return FileMode.TRANSACTION;
    }

    private static Problem unreadable(String label, String why) {
        return Problem.usage("The bootstrap file " + label + " cannot be read.")
                .why(why)
                .fix("Give --bootstrap a readable UTF-8 SQL file, e.g. --bootstrap db/init.sql.")
                .state("nothing changed.")
                .build();
    }
}
