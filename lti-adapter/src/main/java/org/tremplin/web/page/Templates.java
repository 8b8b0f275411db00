package org.tremplin.web.page;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The precompiled jte templates of one module: {@code src/main/jte/<folder>/<name>.jte} was
 * compiled at build time (jte-maven-plugin, content type HTML: every {@code ${...}} is escaped for
 * where it stands) into the package {@code <base package>.<folder>}, so a template sees the
 * package-private model records of the page class beside it. No template compiler at run time.
 * Thread-safe.
 */
public final class Templates {
  /** The templates of the adapter ({@code lti-adapter/src/main/jte}). */
  static final Templates WEB = in("org.tremplin.web", Templates.class.getClassLoader());

  private static final String LAYOUT = "page/layout.jte";

  private final TemplateEngine engine;

  private Templates(TemplateEngine engine) {
    this.engine = engine;
  }

  /**
   * The templates precompiled into this package.
   *
   * @param basePackage the {@code packageName} given to the jte-maven-plugin
   * @param loader the class loader that sees the generated classes
   * @return the templates precompiled into this package
   */
  public static Templates in(String basePackage, ClassLoader loader) {
    return new Templates(
        TemplateEngine.createPrecompiled(null, ContentType.Html, loader, basePackage));
  }

  /**
   * The adapter's templates (every page of {@code org.tremplin.web}).
   *
   * @return the adapter's templates (every page of {@code org.tremplin.web})
   */
  public static Templates web() {
    return WEB;
  }

  /**
   * A template rendered with its one parameter.
   *
   * @param template its path under {@code src/main/jte}, e.g. {@code "app/home.jte"}
   * @param model its {@code @param}
   * @return a template rendered with its one parameter
   */
  public String render(String template, Object model) {
    StringOutput output = new StringOutput(2048);
    engine.render(template, model, output);
    return output.toString();
  }

  /**
   * A template as content to put in the layout (see {@link #page}).
   *
   * @param template the template
   * @param model the model
   * @return a template as content to put in the layout (see {@link #page})
   */
  public Content content(String template, Object model) {
    return output -> engine.render(template, model, output);
  }

  /**
   * A whole page: the layout around this content, e.g. {@code page(layout,
   * templates.content("demo/home.jte", model))}. Pages of the adapter call the layout from their
   * template instead ({@code @template.page.layout(...)}).
   *
   * @param layout the layout
   * @param content the content
   * @return a whole page: the layout around this content, e.g
   */
  public static String page(Layout layout, Content content) {
    StringOutput output = new StringOutput(4096);
    WEB.engine.render(LAYOUT, Map.of("layout", layout, "content", content), output);
    return output.toString();
  }
}
