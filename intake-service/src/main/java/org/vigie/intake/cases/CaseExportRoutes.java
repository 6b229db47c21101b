package org.vigie.intake.cases;

import static io.javalin.http.HandlerType.GET;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.intake.alerts.AlertRepository;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.directory.AssociationScope;
import org.vigie.intake.directory.DirectoryRepository;
import org.vigie.intake.followup.FollowUps;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Language;
import org.vigie.intake.http.QueryParams;
import org.vigie.intake.journal.IdentityAccesses;
import org.vigie.intake.vault.IdentityVault;

/**
 * {@code GET /api/v1/associations/{associationId}/case-export}: the association's cases as a
 * spreadsheet ({@link CaseListExport}), for its coordinators only: the file holds the people's names,
 * foreigner numbers and phones in clear. {@code status} open, closed or all (default). Each export is
 * logged and journaled ({@link IdentityAccesses}: how many cases, by whom; no personal data).
 */
public final class CaseExportRoutes {
  public static final String PATH = "/api/v1/associations/{associationId}/case-export";
  private static final Logger LOG = LoggerFactory.getLogger(CaseExportRoutes.class);
  private static final int PAGE = 1_000;

  private final Jdbi jdbi;
  private final AssociationScope scope;
  private final CaseRepository cases;
  private final DirectoryRepository directory;
  private final IdentityVault vault;
  private final AlertRepository alerts;
  private final FollowUps followUps;
  private final IdentityAccesses accesses;

  public CaseExportRoutes(Jdbi jdbi, AssociationScope scope, CaseRepository cases, DirectoryRepository directory,
      IdentityVault vault, AlertRepository alerts, FollowUps followUps, IdentityAccesses accesses) {
    this.accesses = accesses;
    this.followUps = followUps;
    this.jdbi = jdbi;
    this.scope = scope;
    this.cases = cases;
    this.directory = directory;
    this.vault = vault;
    this.alerts = alerts;
  }

  public List<ApiRoute> routes() {
    return List.of(ApiRoute.of(GET, PATH, Set.of(Role.COORDINATOR), this::export));
  }

  private void export(Context ctx, Caller caller) {
    UUID association = scope.of(ctx, caller);
    String status = QueryParams.oneOf(ctx, "status", List.of("all", "open", "closed"));
    Language language = Language.negotiate(ctx.header("Accept-Language"));
    String csv = jdbi.inTransaction(h -> {
      List<CaseRecord> all = new ArrayList<>();
      for (int offset = 0; ; offset += PAGE) {
        CaseRepository.Page page = cases.list(h, new CaseQuery(association, status, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), PAGE, offset));
        all.addAll(page.cases());
        if (page.cases().size() < PAGE) {
          break;
        }
      }
      Map<UUID, String> names = new HashMap<>();
      directory.volunteers(h, association).forEach(v -> names.put(v.volunteerId(), v.displayName()));
      accesses.record(h, association, null, caller.recordedBy(), IdentityAccesses.Action.EXPORT, all.size());
      List<UUID> ids = all.stream().map(CaseRecord::caseId).toList();
      return new CaseListExport(language).csv(all, vault.people(h, ids), names, alerts.openByCase(h, association),
          followUps.ofCases(h, association, ids));
    });
    LOG.info("Case list exported: association {}, status {}, by {}", association, status, caller.recordedBy());
    ctx.header("Content-Disposition", "attachment; filename=\"" + (language == Language.EN ? "cases" : "dossiers") + ".csv\"");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/csv; charset=utf-8").result(csv);
  }
}
