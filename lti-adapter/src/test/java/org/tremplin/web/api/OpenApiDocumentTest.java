package org.tremplin.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes every JAX-RS operation of {@code /api/v1}, and every example in it
 * validates against the schema it illustrates.
 */
class OpenApiDocumentTest {
  private static final JsonNode DOCUMENT = read();

  private static JsonNode read() {
    try {
      String json = OpenApiDocument.json(URI.create("https://tremplin.example/"));
      Files.createDirectories(Paths.get("target"));
      Files.writeString(Paths.get("target/openapi.json"), json);
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void itIsOpenApi31WithTheBearerSchemeAndTheServer() {
    assertThat(DOCUMENT.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(DOCUMENT.at("/components/securitySchemes/bearer/scheme").asText())
        .isEqualTo("bearer");
    assertThat(DOCUMENT.at("/servers/0/url").asText()).isEqualTo("https://tremplin.example");
  }

  @Test
  void everyOperationOfTheResourcesIsDescribedWithItsErrors() {
    List<String> operations = new ArrayList<>();
    for (Class<?> resource : ApiComponents.resourceClasses()) {
      String root = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb = verb(method);
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = "/" + root + (sub == null ? "" : "/" + sub.value());
        operations.add(verb + " " + path);
        JsonNode operation = DOCUMENT.path("paths").path(path).path(verb);
        assertThat(operation.isObject()).as(verb + " " + path).isTrue();
        assertThat(operation.path("operationId").asText()).as(path).isNotBlank();
        assertThat(operation.path("responses").has("401")).as(path).isTrue();
        assertThat(operation.path("responses").has("403")).as(path).isTrue();
        assertThat(operation.at("/security/0").has("bearer")).as(path).isTrue();
      }
    }
    assertThat(operations).hasSizeGreaterThanOrEqualTo(17);
    int described = 0;
    for (Iterator<String> paths = DOCUMENT.path("paths").fieldNames(); paths.hasNext(); ) {
      described += DOCUMENT.path("paths").path(paths.next()).size();
    }
    assertThat(described).isEqualTo(operations.size());
  }

  @Test
  void everyExampleValidatesAgainstItsSchema() {
    List<String> checked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    walk(DOCUMENT, "", checked, failures);
    assertThat(failures).isEmpty();
    assertThat(checked).hasSizeGreaterThan(40);
  }

  /** Finds every schema with an example (and every media type's examples) and validates them. */
  private static void walk(JsonNode node, String where, List<String> checked, List<String> fails) {
    if (node.isObject()) {
      if (node.has("example") && looksLikeSchema(node)) {
        checked.add(where);
        validate(node.get("example"), node, where, fails);
      }
      if (node.has("schema") && node.has("examples") && node.get("examples").isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.get("examples").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> example = it.next();
          checked.add(where + "/examples/" + example.getKey());
          validate(example.getValue().path("value"), node.get("schema"), where, fails);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!field.getKey().equals("example")) {
          walk(field.getValue(), where + "/" + field.getKey(), checked, fails);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), where + "/" + i, checked, fails);
      }
    }
  }

  private static boolean looksLikeSchema(JsonNode node) {
    return node.has("type") || node.has("$ref") || node.has("properties") || node.has("enum");
  }

  /** A small JSON Schema validator for what swagger writes: types, formats, enums, refs. */
  private static void validate(JsonNode value, JsonNode schema, String where, List<String> fails) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      JsonNode target = DOCUMENT.at("/components/schemas/" + name);
      if (target.isMissingNode()) {
        fails.add(where + ": unknown $ref " + name);
        return;
      }
      validate(value, target, where, fails);
      return;
    }
    List<String> types = new ArrayList<>();
    if (schema.path("type").isArray()) {
      schema.path("type").forEach(t -> types.add(t.asText()));
    } else if (schema.has("type")) {
      types.add(schema.get("type").asText());
    }
    if (!types.isEmpty() && types.stream().noneMatch(t -> hasType(value, t))) {
      fails.add(where + ": " + value + " is not " + types);
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode option : schema.get("enum")) {
        listed |= option.equals(value);
      }
      if (!listed) {
        fails.add(where + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (value.isTextual() && schema.has("format")) {
      String text = value.asText();
      try {
        switch (schema.get("format").asText()) {
          case "uuid" -> UUID.fromString(text);
          case "date" -> LocalDate.parse(text);
          case "date-time" -> Instant.parse(text);
          default -> {}
        }
      } catch (RuntimeException e) {
        fails.add(where + ": " + text + " is not a " + schema.get("format").asText());
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          fails.add(where + ": misses " + required.asText());
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode property = schema.path("properties").path(field.getKey());
        if (property.isMissingNode()) {
          fails.add(where + ": unknown member " + field.getKey());
        } else {
          validate(field.getValue(), property, where + "/" + field.getKey(), fails);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (JsonNode item : value) {
        validate(item, schema.get("items"), where + "[]", fails);
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      case "null" -> value.isNull();
      default -> false;
    };
  }

  private static String verb(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return "get";
    }
    if (method.isAnnotationPresent(POST.class)) {
      return "post";
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return "put";
    }
    if (method.isAnnotationPresent(DELETE.class)) {
      return "delete";
    }
    return null;
  }
}
