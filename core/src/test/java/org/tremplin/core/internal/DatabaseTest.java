package org.tremplin.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTest {
  @Test
  void aPlainH2UrlGetsThePostgresqlModeSettings() {
    assertThat(Database.normalizeUrl("jdbc:h2:file:./data/tremplin"))
        .isEqualTo("jdbc:h2:file:./data/tremplin" + Database.H2_MODE);
  }

  @Test
  void anH2UrlThatChoosesItsModeIsLeftAlone() {
    assertThat(Database.normalizeUrl("jdbc:h2:mem:x;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL");
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
}
