/**
 * Small-cell suppression of published tables: {@link fr.passerelle.observatory.suppression.SmallCellSuppression}
 * takes a {@link fr.passerelle.observatory.suppression.CountTable} (or a one-dimensional
 * {@link fr.passerelle.observatory.suppression.CountList}) and says which counts and totals to hide,
 * and why; the result renders the published table with blanks. Pure code, no Spring, no database.
 * ADR 0006 explains the rule and what its tests prove.
 */
package fr.passerelle.observatory.suppression;
