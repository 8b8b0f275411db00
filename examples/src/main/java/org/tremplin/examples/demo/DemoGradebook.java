package org.tremplin.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The demo course's gradebook (AGS 2.0): its line items (gradebook columns), the scores the tool
 * posted to them with the time they arrived, and the activities placed by deep linking. In memory,
 * or also in a JSON file ({@link #at}) rewritten after each change, so a restart of the demo keeps
 * its activities and line item ids (the tool remembers them). A score whose {@code timestamp} is
 * not after the last one stored for the same line item and user is refused, as Moodle does.
 * Thread-safe (one lock; {@link #awaitScore} waits on it, no polling).
 */
public final class DemoGradebook {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Object lock = new Object();
  private final @Nullable Path file;
  private final Map<String, LineItem> lineItems = new LinkedHashMap<>();
  private final List<Score> scores = new ArrayList<>();
  private final List<Activity> activities = new ArrayList<>();
  private int nextLineItem = 1;
  private int nextActivity = 1;

  /** An empty gradebook, in memory only. */
  public DemoGradebook() {
    this.file = null;
  }

  private DemoGradebook(Path file) {
    this.file = file;
  }

  /**
   * The gradebook kept in {@code file}: read from it if it exists, written to it (atomically) after
   * each change.
   *
   * @throws UncheckedIOException when the file cannot be read or is not a gradebook
   */
  public static DemoGradebook at(Path file) {
    DemoGradebook book = new DemoGradebook(file);
    if (Files.isRegularFile(file)) {
      try {
        book.read(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        throw new UncheckedIOException(
            "the demo gradebook " + file + " is unreadable", new IOException(e));
      }
    }
    return book;
  }

  private void read(JsonNode n) {
    nextLineItem = n.get("nextLineItem").asInt();
    nextActivity = n.get("nextActivity").asInt();
    for (JsonNode i : n.get("lineItems")) {
      LineItem item =
          new LineItem(
              i.get("id").asText(),
              i.get("label").asText(),
              i.get("scoreMaximum").asDouble(),
              i.get("resourceId").asText(),
              i.get("tag").asText(),
              i.get("resourceLinkId").asText());
      lineItems.put(item.id(), item);
    }
    for (JsonNode x : n.get("scores")) {
      scores.add(
          new Score(
              x.get("lineItem").asText(),
              x.get("userId").asText(),
              x.hasNonNull("scoreGiven")
                  ? Optional.of(x.get("scoreGiven").asDouble())
                  : Optional.empty(),
              x.hasNonNull("scoreMaximum")
                  ? Optional.of(x.get("scoreMaximum").asDouble())
                  : Optional.empty(),
              x.get("comment").asText(),
              x.get("activityProgress").asText(),
              x.get("gradingProgress").asText(),
              Instant.parse(x.get("timestamp").asText()),
              Instant.parse(x.get("receivedAt").asText())));
    }
    for (JsonNode a : n.get("activities")) {
      Map<String, String> custom = new LinkedHashMap<>();
      a.get("custom").fields().forEachRemaining(e -> custom.put(e.getKey(), e.getValue().asText()));
      activities.add(
          new Activity(
              a.get("id").asText(),
              a.get("title").asText(),
              a.get("url").asText(),
              custom,
              a.hasNonNull("lineItem") ? Optional.of(a.get("lineItem").asText()) : Optional.empty(),
              Instant.parse(a.get("placedAt").asText())));
    }
  }

  /** Writes the state to the file, if any (under the lock). */
  private void save() {
    if (file == null) {
      return;
    }
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("nextLineItem", nextLineItem);
    n.put("nextActivity", nextActivity);
    List<Object> items = new ArrayList<>();
    for (LineItem i : lineItems.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", i.id());
      m.put("label", i.label());
      m.put("scoreMaximum", i.scoreMaximum());
      m.put("resourceId", i.resourceId());
      m.put("tag", i.tag());
      m.put("resourceLinkId", i.resourceLinkId());
      items.add(m);
    }
    n.put("lineItems", items);
    List<Object> all = new ArrayList<>();
    for (Score x : scores) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lineItem", x.lineItem());
      m.put("userId", x.userId());
      m.put("scoreGiven", x.scoreGiven().orElse(null));
      m.put("scoreMaximum", x.scoreMaximum().orElse(null));
      m.put("comment", x.comment());
      m.put("activityProgress", x.activityProgress());
      m.put("gradingProgress", x.gradingProgress());
      m.put("timestamp", x.timestamp().toString());
      m.put("receivedAt", x.receivedAt().toString());
      all.add(m);
    }
    n.put("scores", all);
    List<Object> placed = new ArrayList<>();
    for (Activity a : activities) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", a.id());
      m.put("title", a.title());
      m.put("url", a.url());
      m.put("custom", a.custom());
      m.put("lineItem", a.lineItem().orElse(null));
      m.put("placedAt", a.placedAt().toString());
      placed.add(m);
    }
    n.put("activities", placed);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "demo-gradebook", ".tmp");
      Files.writeString(temp, JSON.writeValueAsString(n), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo gradebook " + file, e);
    }
  }

  /**
   * A gradebook column.
   *
   * @param id its id in the course ({@code 1}, {@code 2}...), the last segment of its URL
   * @param label its label
   * @param scoreMaximum the maximum score (> 0)
   * @param resourceId the tool's id of what it grades, empty if none
   * @param tag the tool's tag, empty if none
   * @param resourceLinkId the activity it belongs to, empty if none
   */
  public record LineItem(
      String id,
      String label,
      double scoreMaximum,
      String resourceId,
      String tag,
      String resourceLinkId) {
    /** Checks the label and maximum. */
    public LineItem {
      Objects.requireNonNull(id, "id");
      if (label.isBlank()) {
        throw new IllegalArgumentException("a line item has a label");
      }
      if (!(scoreMaximum > 0)) {
        throw new IllegalArgumentException("scoreMaximum must be > 0");
      }
      Objects.requireNonNull(resourceId, "resourceId");
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(resourceLinkId, "resourceLinkId");
    }
  }

  /**
   * A score the tool posted.
   *
   * @param lineItem the line item's id
   * @param userId the learner's {@code sub}
   * @param scoreGiven the score, if any
   * @param scoreMaximum its maximum, if a score is given
   * @param comment the comment, empty if none
   * @param activityProgress {@code Initialized}, {@code Started}, {@code InProgress}, {@code
   *     Submitted} or {@code Completed}
   * @param gradingProgress {@code FullyGraded}, {@code Pending}, {@code PendingManual}, {@code
   *     Failed} or {@code NotReady}
   * @param timestamp the tool's time of the score
   * @param receivedAt when the demo platform stored it
   */
  public record Score(
      String lineItem,
      String userId,
      Optional<Double> scoreGiven,
      Optional<Double> scoreMaximum,
      String comment,
      String activityProgress,
      String gradingProgress,
      Instant timestamp,
      Instant receivedAt) {}

  /**
   * An activity placed in the course by deep linking: a resource link of the tool.
   *
   * @param id the resource link id ({@code activity-1}...)
   * @param title its title
   * @param url the tool URL it launches (the target link URI)
   * @param custom the custom parameters passed on at each launch
   * @param lineItem its line item's id, empty if it is not graded
   * @param placedAt when it was placed
   */
  public record Activity(
      String id,
      String title,
      String url,
      Map<String, String> custom,
      Optional<String> lineItem,
      Instant placedAt) {
    /** Copies the map. */
    public Activity {
      custom = Map.copyOf(custom);
    }
  }

  /** What a posted score became. */
  public enum Stored {
    /** Stored. */
    STORED,
    /** Not after the last score of this line item and user: refused. */
    STALE,
    /** No such line item. */
    NO_LINE_ITEM
  }

  /** Adds a line item; its id is given by the gradebook. */
  public LineItem create(
      String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {
    synchronized (lock) {
      LineItem item =
          new LineItem(
              String.valueOf(nextLineItem++), label, scoreMaximum, resourceId, tag, resourceLinkId);
      lineItems.put(item.id(), item);
      save();
      return item;
    }
  }

  /** Replaces a line item's fields (not its id); empty if there is no such line item. */
  public Optional<LineItem> update(LineItem item) {
    synchronized (lock) {
      if (!lineItems.containsKey(item.id())) {
        return Optional.empty();
      }
      lineItems.put(item.id(), item);
      save();
      return Optional.of(item);
    }
  }

  /** Deletes a line item and its scores; whether it existed. */
  public boolean delete(String id) {
    synchronized (lock) {
      scores.removeIf(s -> s.lineItem().equals(id));
      boolean removed = lineItems.remove(id) != null;
      save();
      return removed;
    }
  }

  /** The line item with this id. */
  public Optional<LineItem> lineItem(String id) {
    synchronized (lock) {
      return Optional.ofNullable(lineItems.get(id));
    }
  }

  /** The line items matching the filters (each ignored when null), in creation order. */
  public List<LineItem> lineItems(
      @Nullable String resourceId, @Nullable String resourceLinkId, @Nullable String tag) {
    synchronized (lock) {
      return lineItems.values().stream()
          .filter(i -> resourceId == null || i.resourceId().equals(resourceId))
          .filter(i -> resourceLinkId == null || i.resourceLinkId().equals(resourceLinkId))
          .filter(i -> tag == null || i.tag().equals(tag))
          .toList();
    }
  }

  /** Stores a score unless it is stale or its line item unknown. */
  public Stored post(Score score) {
    synchronized (lock) {
      if (!lineItems.containsKey(score.lineItem())) {
        return Stored.NO_LINE_ITEM;
      }
      Optional<Score> last = latest(score.lineItem(), score.userId());
      if (last.isPresent() && !score.timestamp().isAfter(last.get().timestamp())) {
        return Stored.STALE;
      }
      scores.add(score);
      save();
      lock.notifyAll();
      return Stored.STORED;
    }
  }

  /** Every score received, in the order they arrived. */
  public List<Score> scores() {
    synchronized (lock) {
      return List.copyOf(scores);
    }
  }

  /** The last score of a user on a line item. */
  public Optional<Score> latest(String lineItem, String userId) {
    synchronized (lock) {
      Score found = null;
      for (Score s : scores) {
        if (s.lineItem().equals(lineItem) && s.userId().equals(userId)) {
          found = s;
        }
      }
      return Optional.ofNullable(found);
    }
  }

  /**
   * Waits until a score matching {@code wanted} is stored (or is already), at most {@code timeout};
   * empty when none came in time.
   */
  public Optional<Score> awaitScore(Predicate<Score> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        Optional<Score> found = scores.stream().filter(wanted).findFirst();
        if (found.isPresent()) {
          return found;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        Duration wait = Duration.ofNanos(left);
        lock.wait(Math.max(1, wait.toMillis()));
      }
    }
  }

  /** Places an activity; its id is given by the gradebook. */
  public Activity place(
      String title,
      String url,
      Map<String, String> custom,
      @Nullable PlacedLineItem lineItem,
      Instant now) {
    synchronized (lock) {
      String id = "activity-" + nextActivity++;
      Optional<String> item = Optional.empty();
      if (lineItem != null) {
        item =
            Optional.of(
                create(
                        lineItem.label(),
                        lineItem.scoreMaximum(),
                        lineItem.resourceId(),
                        lineItem.tag(),
                        id)
                    .id());
      }
      Activity activity = new Activity(id, title, url, custom, item, now);
      activities.add(activity);
      save();
      return activity;
    }
  }

  /** The placed activities, in placing order. */
  public List<Activity> activities() {
    synchronized (lock) {
      return List.copyOf(activities);
    }
  }

  /** The activity with this resource link id. */
  public Optional<Activity> activity(String id) {
    synchronized (lock) {
      return activities.stream().filter(a -> a.id().equals(id)).findFirst();
    }
  }

  /**
   * The line item a deep linking response declares for an activity.
   *
   * @param label its label (the activity's title when the item gives none)
   * @param scoreMaximum the maximum score (> 0)
   * @param resourceId the tool's resource id, empty if none
   * @param tag the tool's tag, empty if none
   */
  public record PlacedLineItem(String label, double scoreMaximum, String resourceId, String tag) {}
}
