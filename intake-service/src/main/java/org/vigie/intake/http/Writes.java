package org.vigie.intake.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.vigie.intake.command.CommandResult;
import org.vigie.intake.command.CommandRunner;
import org.vigie.intake.command.TxCommand;

/** Runs a write for a request, honouring Idempotency-Key, and writes the answer. */
public final class Writes {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final CommandRunner runner;
  private final Json json;

  public Writes(CommandRunner runner, Json json) {
    this.runner = runner;
    this.json = json;
  }

  public void run(Context ctx, UUID scope, byte[] body, TxCommand command) {
    // Writes on one case go to one group-commit writer (no lock waits between writers).
    runInOrder(ctx, ctx.pathParamMap().get("caseId"), scope, body, command);
  }

  /**
   * Like {@link #run}; writes with equal {@code shard}s are committed, and their records sent, in
   * the order they came (one group-commit writer takes them all).
   */
  public void runInOrder(Context ctx, Object shard, UUID scope, byte[] body, TxCommand command) {
    String key = ctx.header(IDEMPOTENCY_KEY);
    // The canonical request is only compared on a repeat of an Idempotency-Key.
    String request = key == null ? null : ctx.method().name() + " " + ctx.path() + "\n" + canonical(body);
    CommandResult result = runner.run(shard, scope, key, request, command);
    ctx.status(result.status()).contentType("application/json; charset=utf-8").result(result.body().getBytes(StandardCharsets.UTF_8));
  }

  /** Same JSON, different spacing: the same request. */
  private String canonical(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    try {
      return json.mapper().readTree(body).toString();
    } catch (java.io.IOException e) {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
