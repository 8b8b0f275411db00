package org.tremplin.web.school;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A horizontal bar chart drawn as inline SVG (no library): one bar per item, its value written
 * beside it (never by colour alone), and an optional target line per bar. The title and the
 * description are the SVG's {@code <title>} and {@code <desc>}; the same figures are in a table
 * beside it. Immutable.
 *
 * @param id the chart's id (its title's and description's ids derive from it)
 * @param title the title
 * @param description the description
 * @param bars the bars
 */
record Chart(String id, String title, String description, List<Bar> bars) {
  /** The drawing's width in SVG units. */
  static final int WIDTH = 400;

  /** Where bars start and how long a full (100 %) bar is. */
  static final int LEFT = 4;

  static final int SPAN = 300;

  /** The height of one item: its label above, its bar below. */
  static final int ROW = 48;

  Chart {
    bars = List.copyOf(bars);
  }

  int height() {
    return Math.max(ROW, bars.size() * ROW) + 8;
  }

  String titleId() {
    return id + "-title";
  }

  String descId() {
    return id + "-desc";
  }

  /**
   * One bar.
   *
   * @param label its label (above it)
   * @param value what it shows, written at its end
   * @param length its length in SVG units (0 for none)
   * @param target the x of its target line, if any
   * @param y the top of its row
   */
  record Bar(String label, String value, int length, Optional<Integer> target, int y) {
    int labelY() {
      return y + 16;
    }

    int barY() {
      return y + 22;
    }

    int valueX() {
      return LEFT + length + 6;
    }

    int valueY() {
      return y + 37;
    }

    int targetX() {
      return target.orElse(0);
    }

    int targetTop() {
      return y + 18;
    }

    int targetBottom() {
      return y + 46;
    }
  }

  /** Builds a chart's bars in order. */
  static final class Builder {
    private final List<Bar> bars = new ArrayList<>();

    /**
     * Adds a bar for a fraction (0–1) with its target fraction, if any.
     *
     * @param label the label
     * @param value the text of the value
     * @param fraction the fraction drawn, empty for none
     * @param target the target, empty for none
     * @return this
     */
    Builder bar(
        String label, String value, Optional<BigDecimal> fraction, Optional<BigDecimal> target) {
      bars.add(
          new Bar(
              label,
              value,
              fraction.map(Builder::units).orElse(0),
              target.map(t -> LEFT + units(t)),
              bars.size() * ROW));
      return this;
    }

    Chart build(String id, String title, String description) {
      return new Chart(id, title, description, bars);
    }

    private static int units(BigDecimal fraction) {
      BigDecimal clamped = fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
      return clamped
          .multiply(BigDecimal.valueOf(SPAN))
          .setScale(0, RoundingMode.HALF_UP)
          .intValue();
    }
  }
}
