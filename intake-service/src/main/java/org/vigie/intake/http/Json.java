package org.vigie.intake.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The one JSON mapper of intake: ISO dates, strict parsing of request bodies. */
public final class Json {
  private final ObjectMapper mapper;

  public Json() {
    this.mapper = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public ObjectNode object() {
    return mapper.createObjectNode();
  }

  /** Parses a request body that must be a JSON object; 400 otherwise. */
  public ObjectNode parseObject(byte[] body) {
    if (body == null || body.length == 0) {
      throw ApiProblem.badRequest(null, "Le corps de la requête doit être un objet JSON", "The request body must be a JSON object");
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (IOException e) {
      throw ApiProblem.badRequest(null, "Le corps de la requête n'est pas du JSON valide", "The request body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw ApiProblem.badRequest(null, "Le corps de la requête doit être un objet JSON", "The request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  public JsonNode read(String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read stored JSON", e);
    }
  }
}
