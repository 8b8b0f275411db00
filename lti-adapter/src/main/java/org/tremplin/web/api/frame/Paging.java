package org.tremplin.web.api.frame;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Cursor pagination of the REST API's lists: {@code ?limit=} (1 to {@value #MAX_LIMIT}, default
 * {@value #DEFAULT_LIMIT}) and {@code ?cursor=} (opaque, from the previous page). Items are ordered
 * by their id, and a cursor names the last id of its page, so an item added or removed meanwhile
 * neither repeats nor hides another. The reply is {@code {"items": [...], "next": "cursor"}}
 * ({@code next} absent on the last page) with {@code Link: <...>; rel="next"}. Immutable.
 *
 * @param limit the most items in a page
 * @param after the id after which the page starts; empty for the first page
 */
public record Paging(int limit, String after) {
  /** The page size when {@code limit} is not given. */
  public static final int DEFAULT_LIMIT = 50;

  /** The largest page. */
  public static final int MAX_LIMIT = 200;

  /**
   * A page of a list.
   *
   * @param <T> the items' type
   * @param items this page's items
   * @param next the cursor of the next page, or null on the last page
   */
  public record Page<T>(List<T> items, @Nullable String next) {}

  /**
   * Reads the query parameters.
   *
   * @param limit {@code limit}, or null
   * @param cursor {@code cursor}, or null
   * @return the paging
   * @throws Problem 400 for a limit that is not a number from 1 to {@value #MAX_LIMIT}, or a cursor
   *     that is not one of ours
   */
  public static Paging of(@Nullable String limit, @Nullable String cursor) {
    int size = DEFAULT_LIMIT;
    if (limit != null) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        throw Problem.badRequest("limit", "not a number: " + shorten(limit));
      }
      if (size < 1 || size > MAX_LIMIT) {
        throw Problem.badRequest("limit", "must be from 1 to " + MAX_LIMIT + ", got " + size);
      }
    }
    String after = "";
    if (cursor != null && !cursor.isEmpty()) {
      try {
        after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw Problem.badRequest("cursor", "not a cursor of this API");
      }
      if (after.isEmpty() || after.length() > 200) {
        throw Problem.badRequest("cursor", "not a cursor of this API");
      }
    }
    return new Paging(size, after);
  }

  /**
   * This page of a whole list.
   *
   * @param <T> the items' type
   * @param all every item
   * @param id each item's id (the order and the cursor)
   * @return the page
   */
  public <T> Page<T> page(List<T> all, Function<T, String> id) {
    List<T> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(id));
    List<T> items = new ArrayList<>(Math.min(limit, sorted.size()));
    boolean more = false;
    for (T item : sorted) {
      if (!after.isEmpty() && id.apply(item).compareTo(after) <= 0) {
        continue;
      }
      if (items.size() == limit) {
        more = true;
        break;
      }
      items.add(item);
    }
    String next =
        more
            ? Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    id.apply(items.get(items.size() - 1)).getBytes(StandardCharsets.UTF_8))
            : null;
    return new Page<>(List.copyOf(items), next);
  }

  /**
   * 200 with this page as JSON, and its {@code Link} to the next page.
   *
   * @param <T> the items' type
   * @param all every item
   * @param id each item's id
   * @param uri the request's address (the next page's keeps its other parameters)
   * @return the reply
   */
  public <T> Response reply(List<T> all, Function<T, String> id, UriInfo uri) {
    Page<T> page = page(all, id);
    Response.ResponseBuilder reply = Response.ok(ApiJson.bytes(page), ApiJson.JSON);
    if (page.next() != null) {
      String next =
          uri.getRequestUriBuilder()
              .replaceQueryParam("limit", limit)
              .replaceQueryParam("cursor", page.next())
              .build()
              .toString();
      reply.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return reply.build();
  }

  private static String shorten(String text) {
    return text.length() > 20 ? text.substring(0, 20) + "…" : text;
  }
}
