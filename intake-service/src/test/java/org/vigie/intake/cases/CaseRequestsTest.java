package org.vigie.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.intake.http.ApiProblem;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.CccContactAttempted;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.SituationUpdated;

class CaseRequestsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private final CaseRequests requests = new CaseRequests();
  private final ObjectMapper mapper = new ObjectMapper();

  private ObjectNode json(String s) throws Exception {
    return (ObjectNode) mapper.readTree(s);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'type':'VOLUNTEER_ASSIGNED','occurredOn':'2026-11-01','volunteerId':'6f1c1f9e-2b7e-4d1a-9a53-2f0c0f7d8e11'}|VolunteerAssigned",
      "{'type':'SUBMISSION_RECORDED','occurredOn':'2026-11-01','procedure':'RENEWAL','complete':false}|SubmissionRecorded",
      "{'type':'BLOCKAGE_REPORTED','occurredOn':'2026-11-01','blockage':'ACCOUNT_LOCKED','note':'texte'}|BlockageReported",
      "{'type':'BLOCKAGE_RESOLVED','occurredOn':'2026-11-01','blockage':'ACCOUNT_LOCKED'}|BlockageResolved",
      "{'type':'API_ISSUED','occurredOn':'2026-11-01','validUntil':'2027-02-01'}|ApiIssued",
      "{'type':'API_EXPIRY_RECORDED','occurredOn':'2026-11-01'}|ApiExpiryRecorded",
      "{'type':'CCC_CONTACT_ATTEMPTED','occurredOn':'2026-11-01','channel':'PHONE','outcome':'NO_ANSWER','waitMinutes':45}|CccContactAttempted",
      "{'type':'EMPLOYER_REFUSED_API','occurredOn':'2026-11-01'}|EmployerRefusedApi",
      "{'type':'DECISION_RECEIVED','occurredOn':'2026-11-01','decision':'GRANTED','newPermitExpiresOn':'2030-11-01','newPermitKind':'CARTE_PLURIANNUELLE'}|DecisionReceived",
      "{'type':'DECISION_RECEIVED','occurredOn':'2026-11-01','decision':'REFUSED_WITH_OQTF','appealDeadline':'2026-11-03'}|DecisionReceived",
      "{'type':'SITUATION_UPDATED','occurredOn':'2026-11-01','employed':false}|SituationUpdated",
      "{'type':'APPEAL_FILED','occurredOn':'2026-11-01','appeal':'COURT_APPEAL'}|SituationUpdated",
      "{'type':'CASE_CLOSED','occurredOn':'2026-11-26'}|CaseClosed"})
  void everyEventTypeIsAccepted(String body, String payloadClass) throws Exception {
    EventDraft e = requests.parseEvent(json(body.replace('\'', '"')), TODAY);
    assertThat(e.payload().getClass().getSimpleName()).isEqualTo(payloadClass);
    assertThat(e.occurredOn()).isBeforeOrEqualTo(TODAY);
  }

  @Test
  void payloadsCarryTheValuesAndNotesStayOutOfThem() throws Exception {
    EventDraft b = requests.parseEvent(json("{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-11-01\",\"blockage\":\"CCC_NO_ANSWER\",\"note\":\"Madame X\"}"), TODAY);
    assertThat(((BlockageReported) b.payload()).getBlockage()).isEqualTo(BlockageKind.CCC_NO_ANSWER);
    assertThat(((BlockageReported) b.payload()).getNoteRef()).isNull();
    assertThat(b.note()).contains("Madame X");
    assertThat(b.details().toString()).doesNotContain("Madame X");
    EventDraft api = requests.parseEvent(json("{\"type\":\"API_ISSUED\",\"occurredOn\":\"2026-11-01\",\"validUntil\":\"2027-02-01\"}"), TODAY);
    assertThat(((ApiIssued) api.payload()).getValidUntil()).isEqualTo(LocalDate.of(2027, 2, 1));
    EventDraft ccc = requests.parseEvent(json("{\"type\":\"CCC_CONTACT_ATTEMPTED\",\"occurredOn\":\"2026-11-01\",\"channel\":\"WEB_FORM\",\"outcome\":\"AUTOMATED_REPLY\"}"), TODAY);
    assertThat(((CccContactAttempted) ccc.payload()).getWaitMinutes()).isNull();
    EventDraft d = requests.parseEvent(json("{\"type\":\"DECISION_RECEIVED\",\"occurredOn\":\"2026-11-01\",\"decision\":\"GRANTED\",\"newPermitKind\":\"CARTE_RESIDENT\"}"), TODAY);
    assertThat(((DecisionReceived) d.payload()).getNewPermitKind()).isEqualTo(PermitKind.CARTE_RESIDENT);
    EventDraft o = requests.parseEvent(json("{\"type\":\"DECISION_RECEIVED\",\"occurredOn\":\"2026-11-01\",\"decision\":\"REFUSED_WITH_OQTF\",\"oqtfTerms\":\"RETENTION_CENTRE\"}"), TODAY);
    assertThat(((DecisionReceived) o.payload()).getOqtfTerms()).isEqualTo(OqtfTerms.RETENTION_CENTRE);
    assertThat(o.details().get("oqtfTerms").asText()).isEqualTo("RETENTION_CENTRE");
    EventDraft s = requests.parseEvent(json("{\"type\":\"SITUATION_UPDATED\",\"occurredOn\":\"2026-11-01\",\"receivesBenefits\":true,\"benefitKinds\":[\"CAF\"]}"), TODAY);
    assertThat(((SituationUpdated) s.payload()).getEmployed()).isNull();
    assertThat(((SituationUpdated) s.payload()).getReceivesBenefits()).isTrue();
    assertThat(((SituationUpdated) s.payload()).getAppeal()).isNull();
    // an appeal travels as a situation carrying only its appeal: earlier readers of the log still read it
    EventDraft a = requests.parseEvent(json("{\"type\":\"APPEAL_FILED\",\"occurredOn\":\"2026-11-01\",\"appeal\":\"SUSPENSION_REFERRAL\"}"), TODAY);
    assertThat((SituationUpdated) a.payload()).isEqualTo(new SituationUpdated(null, null, null, AppealKind.SUSPENSION_REFERRAL));
    assertThat(a.type()).isEqualTo(EventType.APPEAL_FILED);
    assertThat(a.details().get("appeal").asText()).isEqualTo("SUSPENSION_REFERRAL");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}|400|type",
      "{'type':'NOPE','occurredOn':'2026-11-01'}|422|type",
      "{'type':42,'occurredOn':'2026-11-01'}|400|type",
      "{'type':'CASE_OPENED','occurredOn':'2026-11-01'}|422|type",
      "{'type':'CASE_CLOSED'}|400|occurredOn",
      "{'type':'CASE_CLOSED','occurredOn':'01/11/2026'}|400|occurredOn",
      "{'type':'CASE_CLOSED','occurredOn':'2026-11-27'}|422|occurredOn",
      "{'type':'CASE_CLOSED','occurredOn':'1999-12-31'}|422|occurredOn",
      "{'type':'CASE_CLOSED','occurredOn':'2026-11-01','extra':1}|400|extra",
      "{'type':'SUBMISSION_RECORDED','occurredOn':'2026-11-01'}|400|procedure",
      "{'type':'SUBMISSION_RECORDED','occurredOn':'2026-11-01','procedure':'RENEWAL','complete':'yes'}|400|complete",
      "{'type':'BLOCKAGE_REPORTED','occurredOn':'2026-11-01','blockage':'BROKEN'}|422|blockage",
      "{'type':'API_ISSUED','occurredOn':'2026-11-01'}|400|validUntil",
      "{'type':'API_ISSUED','occurredOn':'2026-11-01','validUntil':'2026-11-01'}|422|validUntil",
      "{'type':'API_ISSUED','occurredOn':'2026-11-01','validUntil':'2027-02-02'}|422|validUntil",
      "{'type':'CCC_CONTACT_ATTEMPTED','occurredOn':'2026-11-01','channel':'PHONE','outcome':'NO_ANSWER','waitMinutes':-1}|422|waitMinutes",
      "{'type':'CCC_CONTACT_ATTEMPTED','occurredOn':'2026-11-01','channel':'PHONE','outcome':'NO_ANSWER','waitMinutes':1.5}|400|waitMinutes",
      "{'type':'CCC_CONTACT_ATTEMPTED','occurredOn':'2026-11-01','channel':'FAX','outcome':'NO_ANSWER'}|422|channel",
      "{'type':'DECISION_RECEIVED','occurredOn':'2026-11-01','decision':'REFUSED','newPermitExpiresOn':'2030-01-01'}|422|newPermitExpiresOn",
      "{'type':'DECISION_RECEIVED','occurredOn':'2026-11-01','decision':'GRANTED','newPermitExpiresOn':'2026-10-01'}|422|newPermitExpiresOn",
      "{'type':'DECISION_RECEIVED','occurredOn':'2026-11-01','decision':'GRANTED','appealDeadline':'2026-12-01'}|422|appealDeadline",
      "{'type':'DECISION_RECEIVED','occurredOn':'2026-11-01','decision':'REFUSED','oqtfTerms':'NO_DEPARTURE_PERIOD'}|422|oqtfTerms",
      "{'type':'DECISION_RECEIVED','occurredOn':'2026-11-01','decision':'REFUSED_WITH_OQTF','oqtfTerms':'ONE_MONTH'}|422|oqtfTerms",
      "{'type':'DECISION_RECEIVED','occurredOn':'2026-11-01','decision':'REFUSED','appealDeadline':'2026-10-31'}|422|appealDeadline",
      "{'type':'DECISION_RECEIVED','occurredOn':'2026-11-01','decision':'REFUSED','appealDeadline':'2027-11-02'}|422|appealDeadline",
      "{'type':'SITUATION_UPDATED','occurredOn':'2026-11-01'}|400|employed",
      "{'type':'APPEAL_FILED','occurredOn':'2026-11-01'}|400|appeal",
      "{'type':'APPEAL_FILED','occurredOn':'2026-11-01','appeal':'CASSATION'}|422|appeal",
      "{'type':'APPEAL_FILED','occurredOn':'2026-11-01','appeal':'COURT_APPEAL','employed':true}|400|employed",
      "{'type':'APPEAL_FILED','occurredOn':'2026-12-01','appeal':'COURT_APPEAL'}|422|occurredOn",
      "{'type':'VOLUNTEER_ASSIGNED','occurredOn':'2026-11-01','volunteerId':'not-an-id'}|422|volunteerId"})
  void badEventsNameTheirField(String body, int status, String field) throws Exception {
    assertThatThrownBy(() -> requests.parseEvent(json(body.replace('\'', '"')), TODAY))
        .isInstanceOfSatisfying(ApiProblem.class, p -> {
          assertThat(p.status()).isEqualTo(status);
          assertThat(p.field()).isEqualTo(field);
          assertThat(p.detail().fr()).contains("'" + field + "'").isNotEqualTo(p.detail().en());
          assertThat(p.detail().en()).contains("'" + field + "'");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'procedure':'RENEWAL','department':'93'}|400|permit",
      "{'permit':{'kind':'CARTE_TEMPORAIRE'},'procedure':'RENEWAL','department':'93'}|400|permit.expiresOn",
      "{'permit':{'kind':'X','expiresOn':'2026-12-01'},'procedure':'RENEWAL','department':'93'}|422|permit.kind",
      "{'permit':{'kind':'CARTE_TEMPORAIRE','expiresOn':'2050-12-01'},'procedure':'RENEWAL','department':'93'}|422|permit.expiresOn",
      "{'permit':{'kind':'CARTE_TEMPORAIRE','expiresOn':'2026-12-01'},'procedure':'RENEWAL','department':'99'}|422|department",
      "{'permit':{'kind':'CARTE_TEMPORAIRE','expiresOn':'2026-12-01'},'procedure':'RENEWAL'}|400|department",
      "{'permit':{'kind':'CARTE_TEMPORAIRE','expiresOn':'2026-12-01'},'procedure':'RENEWAL','department':'93','person':{'foreignerNumber':'12'}}|422|person.foreignerNumber",
      "{'permit':{'kind':'CARTE_TEMPORAIRE','expiresOn':'2026-12-01'},'procedure':'RENEWAL','department':'93','person':{'phone':'call me'}}|422|person.phone",
      "{'permit':{'kind':'CARTE_TEMPORAIRE','expiresOn':'2026-12-01'},'procedure':'RENEWAL','department':'93','person':{'name':'x'}}|400|person.name",
      "{'permit':{'kind':'CARTE_TEMPORAIRE','expiresOn':'2026-12-01'},'procedure':'RENEWAL','department':'93','employed':'oui'}|400|employed",
      "{'permit':{'kind':'CARTE_TEMPORAIRE','expiresOn':'2026-12-01'},'procedure':'RENEWAL','department':'93','benefitKinds':['CAF']}|422|benefitKinds"})
  void badCasesNameTheirField(String body, int status, String field) throws Exception {
    assertThatThrownBy(() -> requests.parseCase(json(body.replace('\'', '"')), TODAY))
        .isInstanceOfSatisfying(ApiProblem.class, p -> {
          assertThat(p.status()).isEqualTo(status);
          assertThat(p.field()).isEqualTo(field);
          assertThat(p.detail().fr()).contains("'" + field + "'").isNotEqualTo(p.detail().en());
          assertThat(p.detail().en()).contains("'" + field + "'");
        });
  }

  @Test
  void aFirstRequestNeedsNoPermitAndCorsicaIsADepartment() throws Exception {
    NewCase c = requests.parseCase(json("{\"procedure\":\"FIRST_REQUEST\",\"department\":\"2a\"}"), TODAY);
    assertThat(c.permitKind()).isEqualTo(PermitKind.OTHER);
    assertThat(c.permitExpiresOn()).isNull();
    assertThat(c.department()).isEqualTo("2A");
    assertThat(c.openedOn()).isEqualTo(TODAY);
  }
}
