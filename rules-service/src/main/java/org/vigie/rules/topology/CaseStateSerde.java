package org.vigie.rules.topology;

import java.util.List;
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
import org.vigie.schemas.ResolvedEpisode;
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
  static final long WRITTEN_FOR = 8760460693419705443L;
  private static final long CURRENT = SchemaNormalization.parsingFingerprint64(CaseState.getClassSchema());

  /**
   * The largest state written by default. A state holds every fact of its case, so it grows with
   * each event; past the producer's request limit (1 MB) its changelog record would fail the
   * stream thread, and the same event would fail it again after every restart, stopping the rules
   * of every association. Refused here, the event that would make a state larger goes to the
   * dead-letter queue and its case keeps its state: about 10,000 events on one case, far beyond
   * any real case's history.
   */
  public static final int DEFAULT_MAX_BYTES = 512 * 1024;

  private final AvroSerde<CaseState> avro = AvroSerde.of(CaseState.class);
  private final HandCodedWriter<CaseState> writer;
  private final int maxBytes;

  public CaseStateSerde() {
    this(DEFAULT_MAX_BYTES);
  }

  public CaseStateSerde(int maxBytes) {
    this(CURRENT == WRITTEN_FOR, maxBytes);
  }

  CaseStateSerde(boolean handCoded) {
    this(handCoded, DEFAULT_MAX_BYTES);
  }

  private CaseStateSerde(boolean handCoded, int maxBytes) {
    this.writer = new HandCodedWriter<>(CaseState.class, CURRENT, handCoded, CaseStateSerde::write);
    this.maxBytes = maxBytes;
  }

  /** Whether states are written by the hand-coded writer (the schema is the one it follows). */
  public boolean handCoded() {
    return writer.handCoded();
  }

  static long currentFingerprint() {
    return CURRENT;
  }

  @Override
  public byte[] serialize(String topic, CaseState state) {
    byte[] bytes = writer.serialize(topic, state);
    if (bytes != null && bytes.length > maxBytes) {
      throw new CaseStateTooLargeException(state.getCaseId(), bytes.length, maxBytes);
    }
    return bytes;
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

  private static void write(CaseState s, AvroBytes out) {
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
    out.array(s.getBenefitKinds(), AvroBytes::enumeration);
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
      decision(out, s.getDecision());
    }
    if (s.getClosed() == null) {
      out.index(0);
    } else {
      out.index(1);
      dated(out, s.getClosed());
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
      dated(out, s.getVolunteerAssignment());
    }
    out.array(s.getSituations(), CaseStateSerde::situation);
    out.array(s.getBlockageResolutions(), CaseStateSerde::resolution);
    out.array(s.getSupersededEventIds(), AvroBytes::string);
    out.array(s.getDecisions(), CaseStateSerde::decision);
    out.array(s.getClosures(), CaseStateSerde::dated);
    out.array(s.getResolvedEpisodes(), CaseStateSerde::episodes);
  }

  private static void episodes(AvroBytes out, ResolvedEpisode e) {
    out.enumeration(e.getRule());
    out.date(e.getEpisodeStart());
    out.varlong(e.getResolved());
  }

  private static void submission(AvroBytes out, SubmissionFact f) {
    out.string(f.getEventId());
    out.date(f.getSubmittedOn());
    out.enumeration(f.getProcedure());
    out.bool(f.getComplete());
    out.bool(f.getReceiptMentionsAppealRoutes());
  }

  private static void api(AvroBytes out, ApiFact f) {
    out.string(f.getEventId());
    out.date(f.getIssuedOn());
    out.date(f.getValidUntil());
  }

  private static void dated(AvroBytes out, DatedFact f) {
    out.string(f.getEventId());
    out.date(f.getOn());
  }

  private static void blockage(AvroBytes out, BlockageFact f) {
    out.string(f.getEventId());
    out.enumeration(f.getKind());
    out.date(f.getReportedOn());
    out.nullableDate(f.getResolvedOn());
  }

  private static void resolution(AvroBytes out, BlockageResolutionFact f) {
    out.string(f.getEventId());
    out.enumeration(f.getKind());
    out.date(f.getResolvedOn());
  }

  private static void ccc(AvroBytes out, CccAttemptFact f) {
    out.string(f.getEventId());
    out.date(f.getAttemptedOn());
    out.enumeration(f.getChannel());
    out.enumeration(f.getOutcome());
  }

  private static void decision(AvroBytes out, DecisionFact f) {
    out.string(f.getEventId());
    out.date(f.getDecidedOn());
    out.enumeration(f.getDecision());
    out.nullableDate(f.getNewPermitExpiresOn());
    out.nullableEnum(f.getNewPermitKind());
    out.nullableDate(f.getAppealDeadline());
    out.nullableEnum(f.getOqtfTerms());
    out.nullableDate(f.getRecordedOn());
  }

  private static void situation(AvroBytes out, SituationFact f) {
    out.string(f.getEventId());
    out.date(f.getOn());
    out.nullableBool(f.getEmployed());
    out.nullableBool(f.getReceivesBenefits());
    List<BenefitKind> kinds = f.getBenefitKinds();
    if (kinds == null) {
      out.index(0);
    } else {
      out.index(1);
      out.array(kinds, AvroBytes::enumeration);
    }
    out.nullableEnum(f.getAppeal());
  }

  private static void openAlert(AvroBytes out, OpenAlert a) {
    out.enumeration(a.getRule());
    out.string(a.getAlertId());
    out.date(a.getEpisodeStart());
    out.enumeration(a.getSeverity());
    out.instant(a.getRaisedAt());
    out.nullableDate(a.getDeadline());
  }
}
