package org.vigie.intake.command;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Which open handles are group-commit transactions with a {@link WriteBehind}: repositories ask
 * here whether to queue a write or run it at once (any other transaction).
 */
public final class WriteBehinds {
  /** By identity: a handle's equality is not the transaction's. */
  private final Map<Handle, WriteBehind> open = Collections.synchronizedMap(new IdentityHashMap<>());

  public Optional<WriteBehind> of(Handle h) {
    return Optional.ofNullable(open.get(h));
  }

  void attach(Handle h, WriteBehind w) {
    open.put(h, w);
  }

  void detach(Handle h) {
    open.remove(h);
  }
}
