package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Functions and procedures (the server's own CREATE OR REPLACE text), aggregates, operators and
 * casts.
 */
final class RoutineWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        return switch (o.kind()) {
            case FUNCTION, PROCEDURE -> List.of(Part.of(o.key(), Rank.FUNCTION, routine(o, f, ctx)));
            case AGGREGATE -> List.of(Part.of(o.key(), Rank.AGGREGATE, aggregate(o, f, ctx)));
            case OPERATOR -> List.of(Part.of(o.key(), Rank.OPERATOR, operator(o, f, ctx)));
            case CAST -> List.of(Part.of(o.key(), Rank.CAST, cast(f)));
            default -> throw new IllegalArgumentException(o.kind().toString());
        };
    }

    static String signatureTarget(CatalogObject o) {
        String word = o.kind() == ObjectKind.PROCEDURE ? "PROCEDURE" : o.kind() == ObjectKind.AGGREGATE ? "AGGREGATE" : "FUNCTION";
        return word + " " + Sql.qualified(o.key().schema(), o.key().name()) + "(" + o.key().signature() + ")";
    }

    static String definition(ObjectNode f) {
        return f.get("definition").asText().stripTrailing() + ";\n";
    }

    private static String routine(CatalogObject o, ObjectNode f, WriterContext ctx) {
        String target = signatureTarget(o);
        return definition(f)
                + ctx.ownerStatement(target, f)
                + WriterContext.comment(target, f.get("comment"))
                + ctx.aclStatements(o, f, grantTarget(o), "functions");
    }

    /** GRANT knows aggregates as functions. */
    static String grantTarget(CatalogObject o) {
        String t = signatureTarget(o);
        return t.startsWith("AGGREGATE ") ? "FUNCTION " + t.substring("AGGREGATE ".length()) : t;
    }

    private static String aggregate(CatalogObject o, ObjectNode f, WriterContext ctx) {
        String q = Sql.qualified(o.key().schema(), o.key().name());
        List<String> opts = new ArrayList<>();
        opts.add("SFUNC = " + f.get("sfunc").asText());
        opts.add("STYPE = " + f.get("stype").asText());
        add(opts, f, "sspace", "SSPACE = %s");
        add(opts, f, "finalfunc", "FINALFUNC = %s");
        if (f.path("finalfunc_extra").asBoolean()) {
            opts.add("FINALFUNC_EXTRA");
        }
        if (f.has("finalfunc")) {
            opts.add("FINALFUNC_MODIFY = " + modify(f.path("finalfunc_modify").asText()));
        }
        add(opts, f, "combinefunc", "COMBINEFUNC = %s");
        add(opts, f, "serialfunc", "SERIALFUNC = %s");
        add(opts, f, "deserialfunc", "DESERIALFUNC = %s");
        if (f.has("initcond")) {
            opts.add("INITCOND = " + Sql.literal(f.get("initcond").asText()));
        }
        add(opts, f, "msfunc", "MSFUNC = %s");
        add(opts, f, "minvfunc", "MINVFUNC = %s");
        add(opts, f, "mstype", "MSTYPE = %s");
        add(opts, f, "msspace", "MSSPACE = %s");
        add(opts, f, "mfinalfunc", "MFINALFUNC = %s");
        if (f.path("mfinalfunc_extra").asBoolean()) {
            opts.add("MFINALFUNC_EXTRA");
        }
        if (f.has("mfinalfunc")) {
            opts.add("MFINALFUNC_MODIFY = " + modify(f.path("mfinalfunc_modify").asText()));
        }
        if (f.has("minitcond")) {
            opts.add("MINITCOND = " + Sql.literal(f.get("minitcond").asText()));
        }
        if (f.has("sortop")) {
            opts.add("SORTOP = " + operatorName(f.get("sortop").asText()));
        }
        if (f.has("parallel")) {
            opts.add("PARALLEL = " + f.get("parallel").asText().toUpperCase(java.util.Locale.ROOT));
        }
        if ("hypothetical".equals(f.path("aggregate_kind").asText())) {
            opts.add("HYPOTHETICAL");
        }
        String target = signatureTarget(o);
        return "CREATE AGGREGATE " + q + "(" + f.get("arguments").asText() + ") (\n    " + String.join(",\n    ", opts) + "\n);\n"
                + ctx.ownerStatement(target, f)
                + WriterContext.comment(target, f.get("comment"))
                + ctx.aclStatements(o, f, grantTarget(o), "functions");
    }

    private static void add(List<String> opts, ObjectNode f, String field, String format) {
        if (f.has(field)) {
            opts.add(String.format(format, f.get(field).asText()));
        }
    }

    private static String modify(String code) {
        return switch (code) {
            case "s" -> "SHAREABLE";
            case "w" -> "READ_WRITE";
            default -> "READ_ONLY";
        };
    }

    /** "app.===(integer,app.pair)" (regoperator) to "OPERATOR(app.===)"; a bare name stays bare. */
    static String operatorName(String regoperator) {
        int paren = regoperator.lastIndexOf('(');
        String name = paren < 0 ? regoperator : regoperator.substring(0, paren);
        return name.contains(".") ? "OPERATOR(" + name + ")" : name;
    }

    private static String operator(CatalogObject o, ObjectNode f, WriterContext ctx) {
        String q = Sql.ident(o.key().schema()) + "." + o.key().name();
        List<String> opts = new ArrayList<>();
        if (f.has("left")) {
            opts.add("LEFTARG = " + f.get("left").asText());
        }
        if (f.has("right")) {
            opts.add("RIGHTARG = " + f.get("right").asText());
        }
        opts.add("FUNCTION = " + f.get("function").asText());
        if (f.has("commutator")) {
            opts.add("COMMUTATOR = " + operatorName(f.get("commutator").asText()));
        }
        if (f.has("negator")) {
            opts.add("NEGATOR = " + operatorName(f.get("negator").asText()));
        }
        add(opts, f, "restrict", "RESTRICT = %s");
        add(opts, f, "join", "JOIN = %s");
        if (f.path("hashes").asBoolean()) {
            opts.add("HASHES");
        }
        if (f.path("merges").asBoolean()) {
            opts.add("MERGES");
        }
        String target = "OPERATOR " + q + " (" + o.key().signature() + ")";
        return "CREATE OPERATOR " + q + " (\n    " + String.join(",\n    ", opts) + "\n);\n"
                + ctx.ownerStatement(target, f)
                + WriterContext.comment(target, f.get("comment"));
    }

    private static String cast(ObjectNode f) {
        String pair = "(" + f.get("source").asText() + " AS " + f.get("target").asText() + ")";
        StringBuilder sb = new StringBuilder("CREATE CAST ").append(pair);
        switch (f.path("method").asText()) {
            case "function" -> sb.append(" WITH FUNCTION ").append(f.get("function").asText());
            case "inout" -> sb.append(" WITH INOUT");
            default -> sb.append(" WITHOUT FUNCTION");
        }
        JsonNode context = f.get("context");
        if (context != null && "assignment".equals(context.asText())) {
            sb.append(" AS ASSIGNMENT");
        } else if (context != null && "implicit".equals(context.asText())) {
            sb.append(" AS IMPLICIT");
        }
        sb.append(";\n");
        sb.append(WriterContext.comment("CAST " + pair, f.get("comment")));
        return sb.toString();
    }
}
