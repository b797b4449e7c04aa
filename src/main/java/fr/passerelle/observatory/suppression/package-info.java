/**
 * Small-cell suppression of published tables: {@link fr.passerelle.observatory.suppression.SmallCellSuppression}
 * takes a {@link fr.passerelle.observatory.suppression.CountTable} (or a one-dimensional
 * {@link fr.passerelle.observatory.suppression.CountList}) and says which counts and totals to hide,
 * and why; the result renders the published table with blanks. Pure code, no Spring, no database.
 * ADR 0006 explains the rule and what its tests prove.
 *
 * <p>{@link fr.passerelle.observatory.suppression.CellKeyPerturbation} is what every figure published
 * beyond an association goes through (the national observatory, and partners, programmes or surveys
 * to come): counts with the key sums of their records in, a
 * {@link fr.passerelle.observatory.suppression.PerturbedList} or
 * {@link fr.passerelle.observatory.suppression.PerturbedTable} out, each value with a noise fixed by
 * its records, none below the threshold. ADR 0009 explains how to use it and what it guarantees.
 */
@org.springframework.modulith.NamedInterface("suppression")
package fr.passerelle.observatory.suppression;
