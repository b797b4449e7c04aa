import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Runs a SQL script in one round trip (simple query protocol), for bench/measures.sh when psql is
 * not installed. Usage: java -cp postgresql.jar bench/RunSql.java JDBC_URL USER SCRIPT
 */
public class RunSql {

    public static void main(String[] args) throws Exception {
        String sql = Files.readString(Path.of(args[2]));
        try (Connection c = DriverManager.getConnection(args[0] + "?preferQueryMode=simple", args[1], "");
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(sql);
        }
    }
}
