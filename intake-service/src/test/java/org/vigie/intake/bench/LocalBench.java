package org.vigie.intake.bench;

import org.vigie.intake.support.TestIntake;

/**
 * Runs {@link IntakeBench} against an intake on the in-process broker and embedded PostgreSQL of
 * the test support (not a test; run by hand with the test classpath). Arguments are passed on.
 */
public final class LocalBench {
  private LocalBench() {}

  public static void main(String[] args) throws Exception {
    int port = TestIntake.service().port();
    String[] all = new String[args.length + 4];
    all[0] = "--url";
    all[1] = "http://localhost:" + port;
    all[2] = "--admin-token";
    all[3] = TestIntake.ADMIN_TOKEN;
    System.arraycopy(args, 0, all, 4, args.length);
    IntakeBench.main(all);
    System.exit(0);
  }
}
