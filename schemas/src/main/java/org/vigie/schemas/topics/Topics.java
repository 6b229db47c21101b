package org.vigie.schemas.topics;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.vigie.schemas.AlertAcknowledgement;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.serde.AvroSerde;

/** Every topic of Vigie. Each has a single writer (see ARCHITECTURE.md). */
public final class Topics {
  /** All events of a case, in order; key caseId. Written by intake. */
  public static final Topic<String, CaseEvent> CASE_EVENTS =
      new Topic<>("vigie.case-events.v1", Serdes.String(), AvroSerde.of(CaseEvent.class), 12, false);

  /** RAISED / RESOLVED alerts; key caseId. Written by rules-service. */
  public static final Topic<String, CaseAlert> CASE_ALERTS =
      new Topic<>("vigie.case-alerts.v1", Serdes.String(), AvroSerde.of(CaseAlert.class), 12, false);

  /** Associations and volunteers, compacted; key associationId or volunteerId. Written by intake. */
  public static final Topic<String, DirectoryEntry> DIRECTORY =
      new Topic<>("vigie.directory.v1", Serdes.String(), AvroSerde.of(DirectoryEntry.class), 3, true);

  /** What was sent to whom; key alertId. Written by notifier. */
  public static final Topic<String, NotificationOutcome> NOTIFICATIONS =
      new Topic<>("vigie.notifications.v1", Serdes.String(), AvroSerde.of(NotificationOutcome.class), 12, false);

  /** Per-association rule settings, compacted; key associationId. Written by intake (admin). */
  public static final Topic<String, AssociationSettings> ASSOCIATION_SETTINGS =
      new Topic<>("vigie.association-settings.v1", Serdes.String(), AvroSerde.of(AssociationSettings.class), 3, true);

  /** Alerts taken in hand from the API or the page; key alertId. Written by intake, read by notifier. */
  public static final Topic<String, AlertAcknowledgement> ALERT_ACKNOWLEDGEMENTS =
      new Topic<>("vigie.alert-acknowledgements.v1", Serdes.String(), AvroSerde.of(AlertAcknowledgement.class), 12, false);

  /** Poison records of rules-service, raw, with error headers. */
  public static final Topic<byte[], byte[]> RULES_DLQ =
      new Topic<>("vigie.rules.dlq", Serdes.ByteArray(), Serdes.ByteArray(), 1, false);

  /** Poison records and permanent delivery failures of notifier-service, raw, with error headers. */
  public static final Topic<byte[], byte[]> NOTIFIER_DLQ =
      new Topic<>("vigie.notifier.dlq", Serdes.ByteArray(), Serdes.ByteArray(), 1, false);

  private Topics() {}

  public static List<Topic<?, ?>> all() {
    return List.of(CASE_EVENTS, CASE_ALERTS, DIRECTORY, NOTIFICATIONS, ASSOCIATION_SETTINGS, ALERT_ACKNOWLEDGEMENTS, RULES_DLQ,
        NOTIFIER_DLQ);
  }
}
