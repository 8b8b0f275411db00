package org.tremplin.web.school;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table as a page shows it and as its CSV download writes it: the same header and the same cell
 * texts, so the two never differ. Immutable.
 *
 * @param id the table's id in the page
 * @param caption its caption
 * @param headers the column headers
 * @param rows the rows
 * @param csv the address of its CSV download (empty on a CSV-less table)
 */
record Table(String id, String caption, List<String> headers, List<Row> rows, String csv) {
  Table {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
  }

  /**
   * A row.
   *
   * @param id the row's id in the page (empty for none)
   * @param cells its cells, one per header
   */
  record Row(String id, List<Cell> cells) {
    Row {
      cells = List.copyOf(cells);
    }

    @Nullable String domId() {
      return id.isEmpty() ? null : id;
    }
  }

  /**
   * A cell: its text, the page it opens (empty for none), and words a screen reader adds to a
   * link's text so that it makes sense out of its row (empty for none; not in the CSV).
   *
   * @param text the text
   * @param href where it leads, or an empty string
   * @param hidden words read after the link's text, or an empty string
   */
  record Cell(String text, String href, String hidden) {
    Cell(String text, String href) {
      this(text, href, "");
    }

    static Cell of(String text) {
      return new Cell(text, "");
    }

    boolean link() {
      return !href.isEmpty();
    }
  }
}
