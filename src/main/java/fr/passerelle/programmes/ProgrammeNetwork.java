package fr.passerelle.programmes;

import static fr.passerelle.programmes.PracticeLibrary.require;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the federation may know of every organisation's programmes ({@code programme:network}):
 * one row per programme with its sheet, its département and counts only, each count with the sum of
 * its records' keys, for the national observatory to perturb before anything is shown. Read through
 * the security-definer function {@code programme_network_rows()}, which answers the federation
 * only; no beneficiary ever leaves the programme.
 */
@Service
public class ProgrammeNetwork {

    public static final String NETWORK = "programme:network";

    private final JdbcClient jdbc;

    ProgrammeNetwork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One programme, counts and key sums. */
    public record Row(UUID programmeId, String sheetCode, String sheetTitle, String departementCode, boolean finished,
            long admitted, long admittedKeys, long minors, long minorsKeys, long exits, long exitsKeys,
            long positiveExits, long positiveKeys, long expected, long present) {}

    @Transactional(readOnly = true)
    public List<Row> rows() {
        require(NETWORK);
        return jdbc.sql("""
                select r.*, s.code, v.title
                from programme_network_rows() r
                join practice_sheet s on s.id = r.sheet_id
                join practice_sheet_version v on v.sheet_id = s.id and v.is_current
                order by v.title, r.departement_code""")
                .query((rs, n) -> new Row(rs.getObject("programme_id", UUID.class), rs.getString("code"),
                        rs.getString("title"), rs.getString("departement_code"), rs.getBoolean("finished"),
                        rs.getLong("admitted"), rs.getLong("admitted_keys"), rs.getLong("minors"),
                        rs.getLong("minors_keys"), rs.getLong("exits"), rs.getLong("exits_keys"),
                        rs.getLong("positive_exits"), rs.getLong("positive_keys"), rs.getLong("expected"),
                        rs.getLong("present")))
                .list();
    }
}
