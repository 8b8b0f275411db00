package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.identity.LtiDirectory;

/** {@code bind-school} run as a process on an H2 file database named in a properties file. */
class BindSchoolCommandIT {

  @Test
  void attachesAPlatformToTheSchoolNamedAndRefusesAnUnknownSchool(@TempDir Path dir)
      throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("tremplin");
    DataSource dataSource = Tremplin.dataSource(url, "sa", "");
    School school =
        Tremplin.create(dataSource, Clock.systemUTC())
            .schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École du Web de Saint-Denis",
                new Departement("93"));
    Path config = dir.resolve("tremplin.properties");
    Files.writeString(config, "tremplin.datasource.url=" + url + "\n");

    JarRun bound =
        JarRun.of(
            "bind-school",
            "--issuer",
            "https://moodle.example.fr",
            "--client-id",
            "abc123",
            "--school",
            "école du web de saint-denis",
            "--config",
            config.toString(),
            "--lang",
            "en");
    JarRun unknown =
        JarRun.of(
            "bind-school",
            "--issuer",
            "https://moodle.example.fr",
            "--client-id",
            "abc123",
            "--school",
            "Nowhere",
            "--config",
            config.toString());

    assertThat(bound.exitCode()).as(bound.stderr()).isZero();
    assertThat(bound.stdout()).contains("École du Web de Saint-Denis");
    assertThat(
            new LtiDirectory(
                    LtiSchema.install(Tremplin.create(dataSource, Clock.systemUTC())),
                    Clock.systemUTC())
                .schoolOf("https://moodle.example.fr", "abc123"))
        .contains(school.id());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.errorLines()).singleElement().asString().contains("--school Nowhere");
  }
}
