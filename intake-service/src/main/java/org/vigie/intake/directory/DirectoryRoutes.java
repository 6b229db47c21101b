package org.vigie.intake.directory;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.auth.Authenticator;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.auth.TokenRepository;
import org.vigie.intake.auth.Tokens;
import org.vigie.intake.command.CommandResult;
import org.vigie.intake.directory.DirectoryEntries.Volunteer;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Resource;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Fields;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.Writes;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.topics.Topics;

/** Associations, volunteers and tokens; every change of the directory goes to {@code vigie.directory.v1}. */
public final class DirectoryRoutes {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
  private static final Set<Role> MANAGERS = Set.of(Role.ADMIN, Role.COORDINATOR);
  private static final Set<Role> MEMBERS = Set.of(Role.ADMIN, Role.COORDINATOR, Role.VOLUNTEER);

  private final Jdbi jdbi;
  private final DirectoryRepository directory;
  private final ContactDeliveries deliveries;
  private final TokenRepository tokens;
  private final Tokens tokenFactory;
  private final Authenticator authenticator;
  private final Outbox outbox;
  private final Writes writes;
  private final Json json;
  private final Clock clock;
  private final AssociationScope scope;
  private final java.security.SecureRandom random = new java.security.SecureRandom();

  public DirectoryRoutes(Jdbi jdbi, DirectoryRepository directory, ContactDeliveries deliveries, TokenRepository tokens,
      Tokens tokenFactory, Authenticator authenticator, Outbox outbox, Writes writes, Json json, Clock clock) {
    this.jdbi = jdbi;
    this.directory = directory;
    this.deliveries = deliveries;
    this.tokens = tokens;
    this.tokenFactory = tokenFactory;
    this.authenticator = authenticator;
    this.outbox = outbox;
    this.writes = writes;
    this.json = json;
    this.clock = clock;
    this.scope = new AssociationScope(jdbi, directory);
  }

  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.of(GET, "/api/v1/me", MEMBERS, this::me),
        ApiRoute.of(POST, "/api/v1/admin/associations", ADMIN, this::createAssociation),
        ApiRoute.of(GET, "/api/v1/admin/associations", ADMIN, this::listAssociations),
        ApiRoute.of(POST, "/api/v1/associations/{associationId}/volunteers", MANAGERS, this::createVolunteer),
        ApiRoute.of(GET, "/api/v1/associations/{associationId}/volunteers", MEMBERS, this::listVolunteers),
        ApiRoute.of(PATCH, "/api/v1/associations/{associationId}/volunteers/{volunteerId}", MEMBERS, this::updateVolunteer),
        ApiRoute.of(DELETE, "/api/v1/associations/{associationId}/volunteers/{volunteerId}", MANAGERS, this::deactivateVolunteer),
        ApiRoute.of(POST, "/api/v1/associations/{associationId}/tokens", MANAGERS, this::createToken),
        ApiRoute.of(GET, "/api/v1/associations/{associationId}/tokens", MANAGERS, this::listTokens),
        ApiRoute.of(DELETE, "/api/v1/associations/{associationId}/tokens/{tokenId}", MANAGERS, this::revokeToken));
  }

  /** Who the token is: what a page or a script needs to build the paths of its association. */
  private void me(Context ctx, Caller caller) {
    ObjectNode out = json.object().put("role", caller.role().name());
    out.put("associationId", caller.associationId() == null ? null : caller.associationId().toString());
    out.put("volunteerId", caller.volunteerId() == null ? null : caller.volunteerId().toString());
    ctx.json(out);
  }

  /**
   * The deployment's associations, for the federation's administrator, who manages their volunteers
   * and tokens: names, ids, sizes (active volunteers, coordinators, open cases) and loads (open alerts,
   * those nobody took in hand), no case.
   */
  private void listAssociations(Context ctx, Caller caller) {
    ObjectNode out = json.object();
    ArrayNode list = out.putArray("associations");
    jdbi.useHandle(h -> directory.associations(h).forEach(a -> list.addObject()
        .put("associationId", a.associationId().toString()).put("name", a.name()).put("createdAt", a.createdAt().toString())
        .put("activeVolunteers", a.activeVolunteers()).put("activeCoordinators", a.activeCoordinators())
        .put("openCases", a.openCases()).put("openAlerts", a.openAlerts())
        .put("openAlertsNotTakenInHand", a.openAlertsNotTakenInHand())
        .put("closedAt", a.closedAt() == null ? null : a.closedAt().toString())));
    ctx.json(out);
  }

  private void createAssociation(Context ctx, Caller caller) {
    byte[] body = ctx.bodyAsBytes();
    Fields f = Fields.of(json.parseObject(body)).only(Set.of("name"));
    String name = f.requiredText("name", 200);
    UUID associationId = UUID.randomUUID();
    String token = tokenFactory.newToken();
    UUID tokenId = UUID.randomUUID();
    // No Idempotency-Key here: the answer holds a token, which is never stored in clear.
    writes.run(ctx, null, body, h -> {
      // two open associations of one name: the administrator could not tell them apart, nor close the right one by name
      if (directory.openAssociationNamed(h, name)) {
        throw ApiProblem.conflict("name", "Une association en service porte déjà le nom '" + name + "'",
            "An association in service already has the name '" + name + "'");
      }
      directory.insertAssociation(h, associationId, name);
      tokens.insert(h, tokenId, Tokens.hash(token), associationId, null, Role.COORDINATOR);
      OutboxRecord r = outbox.append(h, Topics.DIRECTORY, associationId.toString(),
          DirectoryEntries.association(associationId, name, clock.instant()));
      ObjectNode out = json.object().put("associationId", associationId.toString()).put("token", token).put("tokenId", tokenId.toString());
      return new CommandResult(201, out.toString(), List.of(r));
    });
  }

  private void createVolunteer(Context ctx, Caller caller) {
    UUID associationId = scope.of(ctx, caller);
    byte[] body = ctx.bodyAsBytes();
    ObjectNode node = json.parseObject(body);
    Fields f = Fields.of(node).only(with(ContactRequest.FIELDS, "displayName", "email", "role"));
    String displayName = f.requiredText("displayName", 200);
    String email = email(f.requiredText("email", 254));
    VolunteerRole role = f.optionalEnum("role", VolunteerRole.class).orElse(VolunteerRole.VOLUNTEER);
    ContactPreferences contact = ContactRequest.apply(node, f, ContactPreferences.DEFAULT, this::newSecret);
    UUID volunteerId = UUID.randomUUID();
    writes.run(ctx, associationId, body, h -> {
      refuseIfClosed(h, associationId);
      if (directory.emailTaken(h, associationId, email)) {
        throw emailTaken();
      }
      checkAbsence(h, associationId, volunteerId, ContactPreferences.DEFAULT, contact);
      Volunteer v = new Volunteer(volunteerId, associationId, displayName, email, role, true, contact);
      directory.insertVolunteer(h, v);
      OutboxRecord r = outbox.append(h, Topics.DIRECTORY, volunteerId.toString(), DirectoryEntries.volunteer(v, clock.instant()));
      ObjectNode out = json.object().put("volunteerId", volunteerId.toString());
      if (contact.webhookSecret() != null) {
        out.put("webhookSecret", contact.webhookSecret());
      }
      return new CommandResult(201, out.toString(), List.of(r));
    });
  }

  /**
   * Changes a volunteer's name, email or contact preferences (a field left out is unchanged). A
   * volunteer changes their own; coordinators anyone of their association. The role is not
   * changed here: the volunteer's tokens carry it.
   */
  private void updateVolunteer(Context ctx, Caller caller) {
    UUID associationId = scope.of(ctx, caller);
    UUID volunteerId = Ids.path(ctx.pathParam("volunteerId"), Resource.VOLUNTEER);
    if (caller.role() == Role.VOLUNTEER && !volunteerId.equals(caller.volunteerId())) {
      throw ApiProblem.forbidden();
    }
    byte[] body = ctx.bodyAsBytes();
    ObjectNode node = json.parseObject(body);
    Fields f = Fields.of(node).only(with(ContactRequest.FIELDS, "displayName", "email"));
    Optional<String> displayName = f.optionalText("displayName", 200);
    Optional<String> email = f.optionalText("email", 254).map(DirectoryRoutes::email);
    // One writer for a volunteer's changes, and the row locked: none is lost, and the directory gets them in order.
    writes.runInOrder(ctx, "volunteer/" + volunteerId, associationId, body, h -> {
      Volunteer v = directory.volunteerForUpdate(h, associationId, volunteerId).orElseThrow(() -> ApiProblem.notFound(Resource.VOLUNTEER));
      if (email.isPresent() && !email.get().equalsIgnoreCase(v.email()) && directory.emailTaken(h, associationId, email.get())) {
        throw emailTaken();
      }
      ContactPreferences contact = ContactRequest.apply(node, f, v.contact(), this::newSecret);
      checkAbsence(h, associationId, volunteerId, v.contact(), contact);
      Volunteer changed = new Volunteer(v.volunteerId(), associationId, displayName.orElse(v.displayName()), email.orElse(v.email()),
          v.role(), v.active(), contact);
      directory.updateVolunteer(h, changed);
      if (!String.valueOf(changed.email()).equalsIgnoreCase(String.valueOf(v.email()))) {
        deliveries.forget(h, associationId, volunteerId, NotificationChannel.EMAIL);
      }
      if (!Objects.equals(contact.webhookUrl(), v.contact().webhookUrl())) {
        deliveries.forget(h, associationId, volunteerId, NotificationChannel.WEBHOOK);
      }
      OutboxRecord r = outbox.append(h, Topics.DIRECTORY, volunteerId.toString(), DirectoryEntries.volunteer(changed, clock.instant()));
      ObjectNode out = volunteerJson(changed);
      if (contact.webhookSecret() != null && !contact.webhookSecret().equals(v.contact().webhookSecret())) {
        out.put("webhookSecret", contact.webhookSecret());
      }
      return new CommandResult(200, out.toString(), List.of(r));
    });
  }

  /**
   * An absence this request sets or changes: its last day from today to a year ahead, its substitute an
   * active volunteer of the association other than the volunteer who is away.
   */
  private void checkAbsence(Handle h, UUID associationId, UUID volunteerId, ContactPreferences before, ContactPreferences after) {
    if (after.absentUntil() == null || after.absentUntil().equals(before.absentUntil())
        && Objects.equals(after.substituteVolunteerId(), before.substituteVolunteerId())) {
      return;
    }
    java.time.LocalDate today = java.time.LocalDate.now(clock);
    if (after.absentUntil().isBefore(today) || after.absentUntil().isAfter(today.plusYears(1))) {
      throw ApiProblem.unprocessable("absence.until", "Le champ 'absence.until' doit être entre aujourd'hui et dans un an",
          "Field 'absence.until' must be between today and a year from now");
    }
    UUID substitute = after.substituteVolunteerId();
    if (substitute != null && (substitute.equals(volunteerId)
        || directory.volunteer(h, associationId, substitute).filter(Volunteer::active).isEmpty())) {
      throw ApiProblem.unprocessable("absence.substituteVolunteerId",
          "Le champ 'absence.substituteVolunteerId' doit désigner un·e autre bénévole actif·ve de l'association",
          "Field 'absence.substituteVolunteerId' must be another active volunteer of the association");
    }
  }

  /** A closed association takes no new volunteer nor token: it left the federation. */
  private void refuseIfClosed(Handle h, UUID associationId) {
    if (directory.closed(h, associationId)) {
      throw ApiProblem.conflict("associationId", "Cette association a été fermée : elle n'a plus ni bénévole ni jeton",
          "This association was closed: it has no volunteer nor token any more");
    }
  }

  private static String email(String email) {
    if (!EMAIL.matcher(email).matches()) {
      throw ApiProblem.unprocessable("email", "Le champ 'email' n'est pas une adresse e-mail",
          "Field 'email' is not an email address");
    }
    return email;
  }

  private static ApiProblem emailTaken() {
    return ApiProblem.unprocessable("email", "Le champ 'email' est déjà l'adresse d'un bénévole de cette association",
        "Field 'email' is already the address of a volunteer of this association");
  }

  private String newSecret() {
    return ContactRequest.newSecret(random);
  }

  private static Set<String> with(Set<String> some, String... more) {
    Set<String> all = new java.util.HashSet<>(some);
    all.addAll(List.of(more));
    return all;
  }

  /** The association's volunteers, each with the channels the notifier's messages no longer reach ({@code deliveryProblems}). */
  private void listVolunteers(Context ctx, Caller caller) {
    UUID associationId = scope.of(ctx, caller);
    ArrayNode list = json.mapper().createArrayNode();
    jdbi.useHandle(h -> {
      Map<String, List<ContactDeliveries.Problem>> problems = deliveries.problems(h, associationId);
      directory.volunteers(h, associationId).forEach(v -> {
        ObjectNode out = volunteerJson(v);
        ArrayNode failing = out.putArray("deliveryProblems");
        problems.getOrDefault(v.volunteerId().toString(), List.of()).forEach(p -> failing.addObject()
            .put("channel", p.channel().name()).put("failedAt", p.failedAt().toString()).put("detail", p.detail())
            .put("lastDeliveredAt", p.lastDeliveredAt() == null ? null : p.lastDeliveredAt().toString()));
        list.add(out);
      });
    });
    ctx.json(json.object().set("volunteers", list));
  }

  private void deactivateVolunteer(Context ctx, Caller caller) {
    UUID associationId = scope.of(ctx, caller);
    UUID volunteerId = Ids.path(ctx.pathParam("volunteerId"), Resource.VOLUNTEER);
    writes.runInOrder(ctx, "volunteer/" + volunteerId, associationId, null, h -> {
      Volunteer v = directory.volunteerForUpdate(h, associationId, volunteerId).orElseThrow(() -> ApiProblem.notFound(Resource.VOLUNTEER));
      directory.setActive(h, volunteerId, false);
      tokens.revokeAllOfVolunteer(h, volunteerId);
      Volunteer inactive = v.withActive(false);
      OutboxRecord r = outbox.append(h, Topics.DIRECTORY, volunteerId.toString(), DirectoryEntries.volunteer(inactive, clock.instant()));
      return new CommandResult(200, volunteerJson(inactive).toString(), List.of(r));
    });
    authenticator.invalidateAll();
  }

  private void createToken(Context ctx, Caller caller) {
    UUID associationId = scope.of(ctx, caller);
    byte[] body = ctx.bodyAsBytes();
    Fields f = Fields.of(body.length == 0 ? json.object() : json.parseObject(body)).only(Set.of("volunteerId"));
    Optional<UUID> volunteerId = f.optionalId("volunteerId");
    String token = tokenFactory.newToken();
    UUID tokenId = UUID.randomUUID();
    // No Idempotency-Key here: the answer holds a token, which is never stored in clear.
    writes.run(ctx, null, body, h -> {
      refuseIfClosed(h, associationId);
      Role role = Role.COORDINATOR;
      if (volunteerId.isPresent()) {
        Volunteer v = directory.volunteer(h, associationId, volunteerId.get())
            .filter(Volunteer::active)
            .orElseThrow(() -> ApiProblem.unprocessable("volunteerId",
                "Aucun bénévole actif de cette association n'a cet identifiant", "No active volunteer of this association has this id"));
        role = v.role() == VolunteerRole.COORDINATOR ? Role.COORDINATOR : Role.VOLUNTEER;
      }
      tokens.insert(h, tokenId, Tokens.hash(token), associationId, volunteerId.orElse(null), role);
      ObjectNode out = json.object().put("tokenId", tokenId.toString()).put("token", token).put("role", role.name());
      volunteerId.ifPresent(id -> out.put("volunteerId", id.toString()));
      return new CommandResult(201, out.toString(), List.of());
    });
  }

  private void listTokens(Context ctx, Caller caller) {
    UUID associationId = scope.of(ctx, caller);
    ArrayNode list = json.mapper().createArrayNode();
    for (TokenRepository.TokenInfo t : tokens.list(associationId)) {
      ObjectNode n = list.addObject().put("tokenId", t.tokenId().toString()).put("role", t.role().name())
          .put("createdAt", t.createdAt().toString());
      n.put("volunteerId", t.volunteerId() == null ? null : t.volunteerId().toString());
      n.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
    }
    ctx.json(json.object().set("tokens", list));
  }

  private void revokeToken(Context ctx, Caller caller) {
    UUID associationId = scope.of(ctx, caller);
    UUID tokenId = Ids.path(ctx.pathParam("tokenId"), Resource.TOKEN);
    if (!tokens.revoke(associationId, tokenId)) {
      throw ApiProblem.notFound(Resource.TOKEN);
    }
    authenticator.invalidateAll();
    ctx.status(204);
  }

  private ObjectNode volunteerJson(Volunteer v) {
    ObjectNode out = json.object().put("volunteerId", v.volunteerId().toString()).put("displayName", v.displayName())
        .put("email", v.email()).put("role", v.role().name()).put("active", v.active());
    ContactRequest.write(out, v.contact());
    return out;
  }
}
