package org.vigie.rules.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigie.schemas.ApiFact;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.BlockageResolutionFact;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.CccAttemptFact;
import org.vigie.schemas.DatedFact;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.OpenAlert;
import org.vigie.schemas.SituationFact;
import org.vigie.schemas.SubmissionFact;
import org.vigie.schemas.serde.AvroSerde;

/**
 * The serde of the {@code case-state} store: the same bytes as {@link AvroSerde} (single-object
 * encoding of the current {@link CaseState} schema), written by hand-coded field order instead of
 * Avro's generic writer, which spends most of its time resolving unions and logical types. Writing
 * the state after each event is the largest serde cost of the topology.
 *
 * <p>The hand-coded writer follows one schema version, recognised by its fingerprint
 * ({@link #WRITTEN_FOR}); with any other schema the serde writes with Avro, so a schema change can
 * never produce wrong bytes, only slower ones (and {@code CaseStateSerdeTest} fails until the
 * writer is updated). Reading always goes through Avro (it resolves older versions, and the
 * processor's object cache makes reads rare).
 */
public final class CaseStateSerde implements Serde<CaseState>, Serializer<CaseState>, Deserializer<CaseState> {
  /** Fingerprint of the CaseState schema the hand-coded writer follows. */
  static final long WRITTEN_FOR = 7383115353912238251L;
  private static final long CURRENT = SchemaNormalization.parsingFingerprint64(CaseState.getClassSchema());

  private final AvroSerde<CaseState> avro = AvroSerde.of(CaseState.class);
  private final byte[] header;
  private final boolean handCoded;

  public CaseStateSerde() {
    this(CURRENT == WRITTEN_FOR);
  }

  CaseStateSerde(boolean handCoded) {
    this.handCoded = handCoded;
    this.header = new byte[10];
    header[0] = (byte) 0xC3;
    header[1] = (byte) 0x01;
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (CURRENT >>> (8 * i));
    }
  }

  /** Whether states are written by the hand-coded writer (the schema is the one it follows). */
  public boolean handCoded() {
    return handCoded;
  }

  static long currentFingerprint() {
    return CURRENT;
  }

  @Override
  public byte[] serialize(String topic, CaseState state) {
    if (state == null) {
      return null;
    }
    if (!handCoded) {
      return avro.serialize(topic, state);
    }
    Out out = new Out(1024);
    out.raw(header);
    write(state, out);
    return out.bytes();
  }

  @Override
  public CaseState deserialize(String topic, byte[] data) {
    return avro.deserialize(topic, data);
  }

  @Override
  public Serializer<CaseState> serializer() {
    return this;
  }

  @Override
  public Deserializer<CaseState> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    // nothing to configure
  }

  @Override
  public void close() {
    // stateless
  }

  private static void write(CaseState s, Out out) {
    out.string(s.getCaseId());
    out.string(s.getAssociationId());
    out.nullableString(s.getDepartment());
    out.nullableDate(s.getOpenedOn());
    out.enumeration(s.getPermitKind());
    out.nullableDate(s.getPermitExpiresOn());
    out.nullableEnum(s.getProcedure());
    out.nullableString(s.getAssignedVolunteerId());
    out.bool(s.getEmployed());
    out.bool(s.getReceivesBenefits());
    out.array(s.getBenefitKinds(), (k, o) -> o.enumeration(k));
    out.array(s.getSubmissions(), CaseStateSerde::submission);
    out.array(s.getApis(), CaseStateSerde::api);
    out.array(s.getApiExpiries(), CaseStateSerde::dated);
    out.array(s.getBlockages(), CaseStateSerde::blockage);
    out.array(s.getCccAttempts(), CaseStateSerde::ccc);
    out.array(s.getEmployerRefusals(), CaseStateSerde::dated);
    if (s.getDecision() == null) {
      out.index(0);
    } else {
      out.index(1);
      decision(s.getDecision(), out);
    }
    if (s.getClosed() == null) {
      out.index(0);
    } else {
      out.index(1);
      dated(s.getClosed(), out);
    }
    out.bool(s.getErased());
    out.array(s.getOpenAlerts(), CaseStateSerde::openAlert);
    out.nullableDate(s.getLastEventOn());
    if (s.getNextDueAt() == null) {
      out.index(0);
    } else {
      out.index(1);
      out.varlong(s.getNextDueAt());
    }
    out.nullableString(s.getOpenedEventId());
    if (s.getVolunteerAssignment() == null) {
      out.index(0);
    } else {
      out.index(1);
      dated(s.getVolunteerAssignment(), out);
    }
    out.array(s.getSituations(), CaseStateSerde::situation);
    out.array(s.getBlockageResolutions(), CaseStateSerde::resolution);
  }

  private static void submission(SubmissionFact f, Out out) {
    out.string(f.getEventId());
    out.date(f.getSubmittedOn());
    out.enumeration(f.getProcedure());
    out.bool(f.getComplete());
    out.bool(f.getReceiptMentionsAppealRoutes());
  }

  private static void api(ApiFact f, Out out) {
    out.string(f.getEventId());
    out.date(f.getIssuedOn());
    out.date(f.getValidUntil());
  }

  private static void dated(DatedFact f, Out out) {
    out.string(f.getEventId());
    out.date(f.getOn());
  }

  private static void blockage(BlockageFact f, Out out) {
    out.string(f.getEventId());
    out.enumeration(f.getKind());
    out.date(f.getReportedOn());
    out.nullableDate(f.getResolvedOn());
  }

  private static void resolution(BlockageResolutionFact f, Out out) {
    out.string(f.getEventId());
    out.enumeration(f.getKind());
    out.date(f.getResolvedOn());
  }

  private static void ccc(CccAttemptFact f, Out out) {
    out.string(f.getEventId());
    out.date(f.getAttemptedOn());
    out.enumeration(f.getChannel());
    out.enumeration(f.getOutcome());
  }

  private static void decision(DecisionFact f, Out out) {
    out.string(f.getEventId());
    out.date(f.getDecidedOn());
    out.enumeration(f.getDecision());
    out.nullableDate(f.getNewPermitExpiresOn());
    out.nullableEnum(f.getNewPermitKind());
  }

  private static void situation(SituationFact f, Out out) {
    out.string(f.getEventId());
    out.date(f.getOn());
    out.nullableBool(f.getEmployed());
    out.nullableBool(f.getReceivesBenefits());
    List<BenefitKind> kinds = f.getBenefitKinds();
    if (kinds == null) {
      out.index(0);
    } else {
      out.index(1);
      out.array(kinds, (k, o) -> o.enumeration(k));
    }
  }

  private static void openAlert(OpenAlert a, Out out) {
    out.enumeration(a.getRule());
    out.string(a.getAlertId());
    out.date(a.getEpisodeStart());
    out.enumeration(a.getSeverity());
    out.instant(a.getRaisedAt());
    out.nullableDate(a.getDeadline());
  }

  /** Avro binary encoding into a growing array. */
  private static final class Out {
    private byte[] buf;
    private int pos;

    Out(int capacity) {
      buf = new byte[capacity];
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, pos);
    }

    private void ensure(int more) {
      if (pos + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
      }
    }

    void raw(byte[] bytes) {
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buf, pos, bytes.length);
      pos += bytes.length;
    }

    void varlong(long n) {
      ensure(10);
      long z = (n << 1) ^ (n >> 63);
      while ((z & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((z & 0x7F) | 0x80);
        z >>>= 7;
      }
      buf[pos++] = (byte) z;
    }

    void index(int i) {
      varlong(i);
    }

    void bool(boolean b) {
      ensure(1);
      buf[pos++] = (byte) (b ? 1 : 0);
    }

    void string(String s) {
      int n = s.length();
      int start = pos;
      varlong(n);
      ensure(n);
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) { // not ASCII: the UTF-8 length differs from the char count
          pos = start;
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          varlong(utf8.length);
          raw(utf8);
          return;
        }
        buf[pos++] = (byte) c;
      }
    }

    void date(LocalDate d) {
      varlong(d.toEpochDay());
    }

    void instant(Instant t) {
      varlong(t.toEpochMilli());
    }

    void enumeration(Enum<?> e) {
      varlong(e.ordinal());
    }

    void nullableString(String s) {
      if (s == null) {
        index(0);
      } else {
        index(1);
        string(s);
      }
    }

    void nullableDate(LocalDate d) {
      if (d == null) {
        index(0);
      } else {
        index(1);
        date(d);
      }
    }

    void nullableEnum(Enum<?> e) {
      if (e == null) {
        index(0);
      } else {
        index(1);
        enumeration(e);
      }
    }

    void nullableBool(Boolean b) {
      if (b == null) {
        index(0);
      } else {
        index(1);
        bool(b);
      }
    }

    <T> void array(List<T> items, BiConsumer<T, Out> item) {
      if (!items.isEmpty()) {
        varlong(items.size());
        for (T t : items) {
          item.accept(t, this);
        }
      }
      varlong(0);
    }
  }
}
