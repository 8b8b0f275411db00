package org.tremplin.api.certification;

import org.tremplin.api.TremplinException;

/**
 * Names one version (millésime) of a certification, e.g. {@code DWWM} {@code 2023}.
 *
 * @param certification the certification code, e.g. {@code DWWM}
 * @param version the version, e.g. {@code 2023}
 */
public record CertificationRef(String certification, String version) {
  /**
   * Both parts are required.
   *
   * @param certification the certification
   * @param version the version
   */
  public CertificationRef {
    TremplinException.requiredText(certification, "certification");
    TremplinException.requiredText(version, "certification version");
  }

  /**
   * Parses {@code DWWM-2023} (or {@code DWWM:2023}).
   *
   * @param text the text to read
   * @return the certification ref
   */
  public static CertificationRef parse(String text) {
    String[] parts = TremplinException.requiredText(text, "certification").split("[-:]", 2);
    TremplinException.check(
        parts.length == 2, "certification must look like DWWM-2023, got '" + text + "'");
    return new CertificationRef(parts[0], parts[1]);
  }

  @Override
  public String toString() {
    return certification + "-" + version;
  }
}
