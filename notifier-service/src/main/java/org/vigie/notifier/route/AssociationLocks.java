package org.vigie.notifier.route;

import java.util.Collection;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Transaction-scoped advisory locks per association. The alert intake and the directory intake
 * both take them before routing, so an alert recorded while its recipient's directory entry
 * arrives is routed by whichever transaction commits second (without them, each could miss the
 * other's uncommitted row and leave the alert unrouted). Locks are taken in sorted order.
 */
public final class AssociationLocks {
  private static final int NAMESPACE = 0x56494745; // "VIGE"

  private AssociationLocks() {}

  public static void lock(Handle h, Collection<String> associationIds) {
    for (String id : new TreeSet<>(associationIds)) {
      h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:ns, hashtext(:id))")
          .bind("ns", NAMESPACE)
          .bind("id", id)
          .mapTo(Integer.class)
          .one();
    }
  }
}
