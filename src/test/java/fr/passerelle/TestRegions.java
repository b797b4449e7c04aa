package fr.passerelle;

import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.UUID;

/**
 * Network regions of a test's own, so that its associations can be told apart from every other
 * test's in national figures; removed afterwards, with its associations made inactive, because the
 * test database is shared and other tests count regions.
 */
public final class TestRegions {

    private TestRegions() {}

    /** Creates a region named "Région &lt;code&gt;"; returns its code. */
    public static String create(EmbeddedPostgresServer server) {
        String code = "R-" + UUID.randomUUID().toString().substring(0, 8);
        OwnerSql.of(server).sql("insert into network_region (code, name) values (?, ?)")
                .params(code, "Région " + code).update();
        return code;
    }

    /** Removes the region; its associations leave it and become inactive (out of every figure). */
    public static void remove(EmbeddedPostgresServer server, String code) {
        var owner = OwnerSql.of(server);
        owner.sql("update organisation set region_code = null, active = false where region_code = ?").param(code)
                .update();
        owner.sql("delete from network_region where code = ?").param(code).update();
    }
}
