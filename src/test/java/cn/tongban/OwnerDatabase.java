package cn.tongban;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema owner's connection, for tests that must do what only the owner can — read or tamper with append-only
 * tables to prove that the triggers and the hash chain notice. The platform itself runs as {@code tongban_app}.
 */
@TestComponent
public class OwnerDatabase {

    private final JdbcClient jdbc;

    OwnerDatabase(@Qualifier("ownerDataSource") DataSource owner) {
        this.jdbc = JdbcClient.create(owner);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
