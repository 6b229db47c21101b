package org.vigie.intake.audit;

import java.time.LocalDate;
import org.vigie.audit.stats.FederationStats;
import org.vigie.intake.alerts.AlertActivity;

/**
 * An association's own figures, for its activity report: its alerts (what Vigie raised and how the
 * volunteers took them in hand) and, as the federation's statistics count them but over its cases
 * only, the dysfunctions of ANEF its cases met. Neither names a case.
 *
 * @param minCases the smallest number of cases an {@code anef} cell may count (5 by default: fit to publish)
 */
public record AssociationStats(String associationId, LocalDate asOf, int minCases, AlertActivity alerts, FederationStats anef) {}
