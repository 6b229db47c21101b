package org.vigie.intake.auth;

import io.javalin.security.RouteRole;

/** Who may call what: the federation administrator, an association's coordinators and volunteers. */
public enum Role implements RouteRole {
  /** The federation administrator (VIGIE_ADMIN_TOKEN): creates associations and their first tokens; never reads cases. */
  ADMIN,
  /** An association's coordinator (or the association's own token): everything within the association. */
  COORDINATOR,
  /** A volunteer: cases and alerts of the association, no volunteer or token management. */
  VOLUNTEER
}
