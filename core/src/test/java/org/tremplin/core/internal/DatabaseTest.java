package org.tremplin.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tremplin.testing.TestDatabase;

class DatabaseTest {
  @Test
  void aPlainH2UrlGetsThePostgresqlModeSettingsAndWritesEachCommit() {
    assertThat(Database.normalizeUrl("jdbc:h2:file:./data/tremplin"))
        .isEqualTo(
            "jdbc:h2:file:./data/tremplin"
                + Database.H2_MODE
                + Database.H2_DURABLE
                + Database.H2_SHARED);
  }

  @Test
  void everyH2FileUrlIsSharedWithOtherProcessesButNoOtherKind() {
    assertThat(Database.normalizeUrl("jdbc:h2:./data/t")).endsWith(";AUTO_SERVER=TRUE");
    assertThat(Database.normalizeUrl("jdbc:h2:~/t")).endsWith(";AUTO_SERVER=TRUE");
    assertThat(Database.normalizeUrl("jdbc:h2:C:/data/t")).endsWith(";AUTO_SERVER=TRUE");
    assertThat(Database.normalizeUrl("jdbc:h2:mem:t")).doesNotContain("AUTO_SERVER");
    assertThat(Database.normalizeUrl("jdbc:h2:tcp://db/t")).doesNotContain("AUTO_SERVER");
    assertThat(Database.normalizeUrl("jdbc:h2:zip:./t.zip!/t")).doesNotContain("AUTO_SERVER");
  }

  @Test
  void anH2FileUrlThatChoosesAutoServerKeepsIt() {
    assertThat(Database.normalizeUrl("jdbc:h2:file:./t;auto_server=false"))
        .isEqualTo("jdbc:h2:file:./t;auto_server=false" + Database.H2_MODE + Database.H2_DURABLE);
  }

  @Test
  void anH2UrlThatChoosesItsModeKeepsItAndStillWritesEachCommit() {
    assertThat(Database.normalizeUrl("jdbc:h2:mem:x;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL;WRITE_DELAY=0");
  }

  @Test
  void anH2UrlThatChoosesItsWriteDelayKeepsIt() {
    assertThat(Database.normalizeUrl("jdbc:h2:file:./t;MODE=PostgreSQL;write_delay=500"))
        .isEqualTo("jdbc:h2:file:./t;MODE=PostgreSQL;write_delay=500" + Database.H2_SHARED);
  }

  @Test
  void aPostgresqlUrlGetsBatchedInsertsRewrittenUnlessItSaysOtherwise() {
    assertThat(Database.normalizeUrl("jdbc:postgresql://db/tremplin"))
        .isEqualTo("jdbc:postgresql://db/tremplin?reWriteBatchedInserts=true");
    assertThat(Database.normalizeUrl("jdbc:postgresql://db/tremplin?ssl=true"))
        .isEqualTo("jdbc:postgresql://db/tremplin?ssl=true&reWriteBatchedInserts=true");
    assertThat(Database.normalizeUrl("jdbc:postgresql://db/t?reWriteBatchedInserts=false"))
        .isEqualTo("jdbc:postgresql://db/t?reWriteBatchedInserts=false");
  }

  @Test
  void theSharedTestDatabaseOnH2HasTheSettingsTremplinGivesAPlainUrl() {
    assertThat(TestDatabase.H2_SETTINGS).isEqualTo(Database.H2_MODE + Database.H2_DURABLE);
    assertThat(Database.normalizeUrl(TestDatabase.h2Url("x"))).isEqualTo(TestDatabase.h2Url("x"));
  }
}
