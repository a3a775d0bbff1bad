package dev.consolidate.catalog.diff;

import dev.consolidate.catalog.model.CatalogObject;

/**
 * Settles whether two deparsed expressions that differ as text are the same expression (the
 * server prints some expressions differently after a dump and restore). Asked only for fields
 * {@link ComparisonRules} declares as expressions.
 */
public interface ExpressionOracle {

    /** Trusts text alone: any textual difference is a difference. */
    ExpressionOracle TEXT_ONLY = (expected, actual, path, expectedText, actualText) -> false;

    /**
     * True when {@code expectedText} (from {@code expected}) is what the server makes of the same
     * expression as {@code actualText} (from {@code actual}).
     */
    boolean sameExpression(CatalogObject expected, CatalogObject actual, String path, String expectedText, String actualText);
}
