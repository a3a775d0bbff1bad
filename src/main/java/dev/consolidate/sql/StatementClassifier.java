package dev.consolidate.sql;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what a statement does from its leading keywords (and the facts {@link StatementScan}
 * gathered). Words inside strings, dollar-quoted bodies and comments never reach it, so a
 * function body that inserts rows does not make its CREATE FUNCTION a data change.
 */
final class StatementClassifier {

    private final List<Token> head;
    private final StatementScan scan;

    StatementClassifier(StatementScan scan) {
        this.scan = scan;
        this.head = scan.head();
    }

    Set<StatementTrait> traits() {
        Set<StatementTrait> traits = EnumSet.noneOf(StatementTrait.class);
        String first = word(0);
        if (first == null) {
            return traits;
        }
        String second = word(1);
        switch (first) {
            case "begin", "commit", "end", "rollback", "abort", "savepoint", "release" -> {
                traits.add(StatementTrait.TRANSACTION_CONTROL);
                if ((first.equals("commit") || first.equals("rollback")) && "prepared".equals(second)) {
                    traits.add(StatementTrait.NO_TRANSACTION);
                }
            }
            case "start", "prepare" -> {
                if ("transaction".equals(second)) {
                    traits.add(StatementTrait.TRANSACTION_CONTROL);
                }
            }
            case "insert", "update", "delete", "merge", "truncate" -> traits.add(StatementTrait.DATA_CHANGE);
            case "copy" -> {
                if (scan.fromAtTop()) {
                    traits.add(StatementTrait.DATA_CHANGE);
                }
            }
            case "with" -> {
                if (scan.modifyingAfterParen()) {
                    traits.add(StatementTrait.DATA_CHANGE);
                }
            }
            case "set", "reset" -> traits.add(StatementTrait.SESSION_SETTING);
            case "discard" -> {
                traits.add(StatementTrait.SESSION_SETTING);
                if ("all".equals(second)) {
                    traits.add(StatementTrait.NO_TRANSACTION);
                }
            }
            case "select" -> {
                if (scan.setConfig()) {
                    traits.add(StatementTrait.SESSION_SETTING);
                }
            }
            case "vacuum" -> traits.add(StatementTrait.NO_TRANSACTION);
            case "create" -> create(traits);
            case "drop" -> drop(traits, second);
            case "reindex" -> reindex(traits);
            case "alter" -> alter(traits, second);
            case "cluster" -> {
                if (!clusterNamesATable()) {
                    traits.add(StatementTrait.NO_TRANSACTION);
                }
            }
            default -> {
            }
        }
        return traits;
    }

    private void create(Set<StatementTrait> traits) {
        int i = 1;
        if ("unique".equals(word(i))) {
            i++;
        }
        String object = word(i);
        if (object == null) {
            return;
        }
        switch (object) {
            case "index" -> {
                if ("concurrently".equals(word(i + 1))) {
                    traits.add(StatementTrait.NO_TRANSACTION);
                }
            }
            case "database", "tablespace", "subscription" -> traits.add(StatementTrait.NO_TRANSACTION);
            case "extension" -> traits.add(StatementTrait.CREATE_EXTENSION);
            default -> {
            }
        }
    }

    private void drop(Set<StatementTrait> traits, String object) {
        if (object == null) {
            return;
        }
        switch (object) {
            case "index" -> {
                if ("concurrently".equals(word(2))) {
                    traits.add(StatementTrait.NO_TRANSACTION);
                }
            }
            case "database", "tablespace", "subscription" -> traits.add(StatementTrait.NO_TRANSACTION);
            default -> {
            }
        }
    }

    private void reindex(Set<StatementTrait> traits) {
        int i = skipParenGroup(1);
        String object = word(i);
        if ("schema".equals(object) || "database".equals(object) || "system".equals(object)
                || "concurrently".equals(word(i + 1))) {
            traits.add(StatementTrait.NO_TRANSACTION);
        }
    }

    private void alter(Set<StatementTrait> traits, String object) {
        if ("system".equals(object)) {
            traits.add(StatementTrait.NO_TRANSACTION);
        } else if ("database".equals(object)) {
            for (int i = 2; i + 1 < head.size(); i++) {
                if ("set".equals(word(i)) && "tablespace".equals(word(i + 1))) {
                    traits.add(StatementTrait.NO_TRANSACTION);
                }
            }
        } else if ("table".equals(object)) {
            boolean detach = false;
            for (int i = 2; i < head.size(); i++) {
                String w = word(i);
                if ("detach".equals(w) && "partition".equals(word(i + 1))) {
                    detach = true;
                } else if (detach && "concurrently".equals(w)) {
                    traits.add(StatementTrait.NO_TRANSACTION);
                }
            }
        }
    }

    /** CLUSTER [VERBOSE] [(options)] [table [USING index]]: only the form without a table refuses transactions. */
    private boolean clusterNamesATable() {
        int i = 1;
        while (i < head.size()) {
            Token t = head.get(i);
            if (t.isPunct('(')) {
                i = skipParenGroup(i);
            } else if (t.isWord("verbose")) {
                i++;
            } else {
                return t.isName();
            }
        }
        return false;
    }

    /** CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]. */
    ExtensionRequest extension() {
        int i = 2;
        boolean ifNotExists = false;
        if ("if".equals(word(i)) && "not".equals(word(i + 1)) && "exists".equals(word(i + 2))) {
            ifNotExists = true;
            i += 3;
        }
        if (i >= head.size() || !head.get(i).isName()) {
            return null;
        }
        String name = head.get(i).value();
        i++;
        String schema = null;
        String version = null;
        boolean cascade = false;
        while (i < head.size()) {
            String w = word(i);
            if ("with".equals(w)) {
                i++;
            } else if ("schema".equals(w) && i + 1 < head.size() && head.get(i + 1).isName()) {
                schema = head.get(i + 1).value();
                i += 2;
            } else if ("version".equals(w) && i + 1 < head.size()) {
                version = head.get(i + 1).value();
                i += 2;
            } else if ("cascade".equals(w)) {
                cascade = true;
                i++;
            } else {
                break;
            }
        }
        return new ExtensionRequest(name, schema, version, ifNotExists, cascade);
    }

    /** The index after the parenthesised group starting at {@code i}, or {@code i} if none starts there. */
    private int skipParenGroup(int i) {
        if (i >= head.size() || !head.get(i).isPunct('(')) {
            return i;
        }
        int depth = 0;
        while (i < head.size()) {
            Token t = head.get(i);
            if (t.isPunct('(')) {
                depth++;
            } else if (t.isPunct(')')) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return i;
    }

    private String word(int i) {
        if (i >= head.size()) {
            return null;
        }
        Token t = head.get(i);
        return t.kind() == Token.Kind.WORD ? t.value() : null;
    }
}
