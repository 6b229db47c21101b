package org.vigie.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.topics.Topics;

class AvroSerdeTest {
  private final AvroSerde<CaseEvent> serde = AvroSerde.of(CaseEvent.class);

  @Test
  void roundTripsAnEvent() {
    CaseEvent event = event(CaseOpened.newBuilder()
        .setPermitKind(PermitKind.CARTE_PLURIANNUELLE)
        .setPermitExpiresOn(LocalDate.of(2026, 12, 1))
        .setProcedure(Procedure.RENEWAL)
        .setDepartment("93")
        .setAssignedVolunteerId("v-1")
        .build());

    byte[] bytes = serde.serialize(Topics.CASE_EVENTS.name(), event);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(serde.deserialize(Topics.CASE_EVENTS.name(), bytes)).isEqualTo(event);
  }

  @Test
  void writesAndReadsExactlyAvroSingleObjectEncoding() throws Exception {
    CaseEvent event = event(new ApiIssued(LocalDate.of(2027, 1, 15)));
    BinaryMessageEncoder<CaseEvent> avroEncoder = new BinaryMessageEncoder<>(
        org.apache.avro.specific.SpecificData.getForClass(CaseEvent.class), CaseEvent.getClassSchema());
    ByteBuffer expected = avroEncoder.encode(event);
    byte[] expectedBytes = new byte[expected.remaining()];
    expected.get(expectedBytes);

    byte[] bytes = serde.serialize("t", event);

    assertThat(bytes).isEqualTo(expectedBytes);
    assertThat(new org.apache.avro.message.BinaryMessageDecoder<CaseEvent>(
        org.apache.avro.specific.SpecificData.getForClass(CaseEvent.class), CaseEvent.getClassSchema())
        .decode(bytes)).isEqualTo(event);
  }

  @Test
  void decodesAnEventWrittenWithTheFirstPublishedVersion() throws Exception {
    Schema v1 = SchemaHistory.versionsOf("CaseEvent").get(0);
    assertThat(v1.getField("source")).isNull();
    GenericRecord payload = new GenericData.Record(v1.getField("payload").schema().getTypes().stream()
        .filter(s -> s.getName().equals("ApiIssued")).findFirst().orElseThrow());
    payload.put("validUntil", (int) LocalDate.of(2027, 1, 15).toEpochDay());
    GenericRecord old = new GenericData.Record(v1);
    old.put("eventId", "e-1");
    old.put("caseId", "c-1");
    old.put("associationId", "a-1");
    old.put("occurredOn", (int) LocalDate.of(2026, 10, 15).toEpochDay());
    old.put("recordedAt", Instant.parse("2026-10-16T09:00:00Z").toEpochMilli());
    old.put("recordedBy", "v-1");
    old.put("schemaVersion", 1);
    old.put("payload", payload);
    ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
    byte[] bytes = new byte[written.remaining()];
    written.get(bytes);

    CaseEvent decoded = serde.deserialize("any", bytes);

    assertThat(decoded.getCaseId()).isEqualTo("c-1");
    assertThat(decoded.getOccurredOn()).isEqualTo(LocalDate.of(2026, 10, 15));
    assertThat(decoded.getSource()).isEqualTo(EventSource.API);
    assertThat(decoded.getPayload()).isEqualTo(new ApiIssued(LocalDate.of(2027, 1, 15)));
  }

  @Test
  void tombstonesStayNull() {
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void garbageIsASerializationException() {
    assertThatThrownBy(() -> serde.deserialize("t", new byte[] {1, 2, 3, 4}))
        .isInstanceOf(SerializationException.class);
    byte[] unknownFingerprint = {(byte) 0xC3, 0x01, 9, 9, 9, 9, 9, 9, 9, 9, 0};
    assertThatThrownBy(() -> serde.deserialize("t", unknownFingerprint))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void everyTopicHasADistinctName() {
    assertThat(Topics.all().stream().map(t -> t.name()).distinct()).hasSize(Topics.all().size());
    assertThat(List.of(Topics.DIRECTORY.compacted(), Topics.ASSOCIATION_SETTINGS.compacted())).containsOnly(true);
  }

  private static CaseEvent event(Object payload) {
    return CaseEvent.newBuilder()
        .setEventId("e-1")
        .setCaseId("c-1")
        .setAssociationId("a-1")
        .setOccurredOn(LocalDate.of(2026, 10, 1))
        .setRecordedAt(Instant.parse("2026-10-02T08:00:00Z"))
        .setRecordedBy("v-1")
        .setSchemaVersion(2)
        .setPayload(payload)
        .build();
  }
}
