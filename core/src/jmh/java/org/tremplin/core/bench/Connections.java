package org.tremplin.core.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * How the measured Tremplin gets its JDBC connections: the benchmark parameter {@code connections}.
 */
public enum Connections {
  /** A HikariCP pool of 4 connections, as a host application would pass. */
  POOLED {
    @Override
    DataSource over(DataSource database) {
      HikariConfig config = new HikariConfig();
      config.setDataSource(database);
      config.setPoolName("bench");
      config.setMaximumPoolSize(4);
      config.setMinimumIdle(4);
      return new HikariDataSource(config);
    }
  },
  /** A new connection for every read or transaction, like {@code Tremplin.dataSource(url...)}. */
  UNPOOLED {
    @Override
    DataSource over(DataSource database) {
      return database;
    }
  };

  /** A data source giving connections to this database in this way. */
  abstract DataSource over(DataSource database);
}
