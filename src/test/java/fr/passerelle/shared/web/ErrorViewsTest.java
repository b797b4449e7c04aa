package fr.passerelle.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which errors mean "the database cannot be reached" (503) and which are ordinary server errors (500). */
class ErrorViewsTest {

    @Test
    void aPoolTimeoutCarryingTheRefusedConnectionMeansTheDatabaseIsUnreachable() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException());
        // What the connection pool throws when no connection comes in time and the last attempt failed.
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms.", "08001", refused);
        assertThat(ErrorViews.databaseUnreachable(new CannotCreateTransactionException("no JDBC connection", timeout)))
                .isTrue();
        assertThat(ErrorViews.databaseUnreachable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
    }

    @Test
    void anExhaustedPoolWithTheDatabaseUpIsAnOrdinaryServerError() {
        // What the connection pool throws when every connection is busy: no SQL state, no cause.
        SQLTransientConnectionException busy = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms"
                        + " (total=10, active=10, idle=0, waiting=4)", (String) null);
        assertThat(ErrorViews.databaseUnreachable(new CannotCreateTransactionException("no JDBC connection", busy)))
                .isFalse();
        assertThat(ErrorViews.databaseUnreachable(new CannotGetJdbcConnectionException("no connection", busy))).isFalse();
    }

    @Test
    void aLostConnectionHiddenByAFailedRollbackStillCounts() {
        TransactionSystemException rollback = new TransactionSystemException("rollback failed");
        rollback.initApplicationException(new SQLException("An I/O error occurred", "08006"));
        assertThat(ErrorViews.databaseUnreachable(rollback)).isTrue();
        assertThat(ErrorViews.databaseUnreachable(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
