package org.tremplin.web.api.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;

/**
 * The REST API's one JSON mapper (Jackson): records in and out, ISO-8601 dates and instants, no
 * {@code null} members written, unknown members refused. A body that is not JSON of the expected
 * shape is a 400 {@link Problem} naming the member at fault (a JSON pointer); values that are
 * well-formed but break a rule are core's refusals (422). Entity tags are the SHA-256 of the
 * representation's bytes, so a tag changes exactly when what a client read changes. Thread-safe.
 */
public final class ApiJson {
  /** JSON, UTF-8. */
  public static final MediaType JSON = MediaType.valueOf("application/json;charset=UTF-8");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private ApiJson() {}

  /**
   * The mapper (e.g. for tests reading replies the same way).
   *
   * @return a copy of the mapper, configured as the API's
   */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  /**
   * A value as JSON bytes.
   *
   * @param value the value
   * @return its JSON, UTF-8
   */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new TremplinException(
          org.tremplin.api.ErrorCode.STORE_FAILURE, "cannot write " + value.getClass(), e);
    }
  }

  /**
   * Reads a request body.
   *
   * @param <T> the type read
   * @param body the body as sent (empty when none)
   * @param type the record to read
   * @return the value
   * @throws Problem 400 when the body is empty, not JSON, or not of the expected shape
   */
  public static <T> T read(byte @Nullable [] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw Problem.badRequest("", "a JSON body is required");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw Problem.badRequest("", "a JSON object is required");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw Problem.badRequest(pointer(e), "unknown member " + e.getPropertyName());
    } catch (InvalidFormatException e) {
      throw Problem.badRequest(
          pointer(e),
          "not a valid " + e.getTargetType().getSimpleName() + ": " + shortValue(e.getValue()));
    } catch (MismatchedInputException e) {
      String pointer = pointer(e);
      String message = String.valueOf(e.getOriginalMessage());
      if (message.startsWith("Missing required creator property")) {
        return missing(pointer);
      }
      String wanted = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
      throw Problem.badRequest(pointer, "expected " + wanted);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TremplinException tremplin) {
        throw tremplin;
      }
      throw Problem.badRequest(pointer(e), "not of the expected shape");
    } catch (JsonProcessingException e) {
      throw Problem.badRequest("", "not well-formed JSON");
    } catch (IOException e) {
      throw Problem.badRequest("", "the body could not be read");
    }
  }

  private static <T> T missing(String pointer) {
    throw Problem.badRequest(pointer, "required");
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      pointer.append('/');
      if (reference.getFieldName() != null) {
        pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else {
        pointer.append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  private static String shortValue(@Nullable Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /**
   * 200 with this value as JSON; the guard's response filter adds its {@code ETag}.
   *
   * @param value the representation
   * @return the reply
   */
  public static Response ok(Object value) {
    return Response.ok(bytes(value), JSON).build();
  }

  /**
   * 201 with the created value as JSON and its address.
   *
   * @param location where the created resource is read
   * @param value its representation
   * @return the reply
   */
  public static Response created(URI location, Object value) {
    return Response.created(location).type(JSON).entity(bytes(value)).build();
  }

  /**
   * The entity tag of a representation: a strong tag, the SHA-256 of its JSON bytes (base64url, 22
   * characters, quoted).
   *
   * @param json the representation's bytes
   * @return the quoted tag
   */
  public static String etag(byte[] json) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * The entity tag of a value's representation.
   *
   * @param value the value
   * @return the quoted tag
   */
  public static String etagOf(Object value) {
    return etag(bytes(value));
  }
}
