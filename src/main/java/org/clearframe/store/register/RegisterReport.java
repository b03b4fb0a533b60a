package org.clearframe.store.register;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The facts behind the studio's report, read in one snapshot (REPEATABLE READ, read only) so a publish landing
 * midway cannot make the numbers disagree. Each query is answered from an index made for it (R1__register.sql).
 * What the rows as a whole mean (which person matches which, what is overdue) is the register service's to say.
 */
public final class RegisterReport {

    /** One production with its counts of open blocking flags, open flags and signatures waiting on the studio AI contact. */
    public record ProductionLine(UUID id, String title, String owner, LocalDate shootDate, String policyName, String policyVersion,
                                 String newerPolicy, int openBlocking, int openFlags, int studioWaiting) {}

    /** A person with replica, likeness or voice uses in one production, for people who appear in more than one. */
    public record LikenessUse(String nameKey, String name, String memberId, UUID productionId, String title, int uses) {}

    /** A tool whose vendor may train on uploads, as used by one production. */
    public record TrainingTool(String toolKey, String tool, UUID productionId, String title, int uses) {}

    public record Facts(List<ProductionLine> productions, List<LikenessUse> likeness, List<TrainingTool> training) {
        public Facts {
            productions = List.copyOf(productions);
            likeness = List.copyOf(likeness);
            training = List.copyOf(training);
        }
    }

    private final Register register;
    private final Connection c;

    RegisterReport(Register register) {
        this.register = register;
        this.c = register.connection();
    }

    Facts read() throws RegisterException {
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            List<ProductionLine> productions = new ArrayList<>();
            List<LikenessUse> likeness = new ArrayList<>();
            List<TrainingTool> training = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("""
                        WITH blocking AS (SELECT production_id, count(*) AS n FROM clearframe.flags WHERE open AND blocking GROUP BY production_id),
                             open AS (SELECT production_id, count(*) AS n FROM clearframe.flags WHERE open GROUP BY production_id),
                             studio AS (SELECT f.production_id, count(*) AS n FROM clearframe.flags f WHERE f.studio_open AND NOT EXISTS (
                                 SELECT 1 FROM clearframe.signoffs s WHERE s.signed_in_register AND s.production_id = f.production_id
                                 AND s.shot_id = f.shot_id AND s.rule_id = f.rule_id AND s.fingerprint = f.fingerprint)
                                 GROUP BY f.production_id)
                        SELECT p.id, p.title, p.owner, p.shoot_date, p.policy_name, p.policy_version, p.newer_policy,
                               coalesce(b.n, 0), coalesce(o.n, 0), coalesce(st.n, 0)
                        FROM clearframe.productions p
                        LEFT JOIN blocking b ON b.production_id = p.id
                        LEFT JOIN open o ON o.production_id = p.id
                        LEFT JOIN studio st ON st.production_id = p.id
                        ORDER BY p.shoot_date NULLS LAST, p.title, p.id""")) {
                    while (r.next()) {
                        productions.add(new ProductionLine(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                                r.getObject(4, LocalDate.class), r.getString(5), r.getString(6), r.getString(7), r.getInt(8), r.getInt(9),
                                r.getInt(10)));
                    }
                }
                try (ResultSet r = s.executeQuery("""
                        SELECT pe.name_key, pe.name, pe.member_id, pe.production_id, p.title, pe.likeness_uses
                        FROM clearframe.people pe JOIN clearframe.productions p ON p.id = pe.production_id
                        WHERE pe.likeness_uses > 0 AND pe.name_key IN (
                            SELECT name_key FROM clearframe.people WHERE likeness_uses > 0
                            GROUP BY name_key HAVING count(DISTINCT production_id) > 1)
                        ORDER BY pe.name_key, p.title""")) {
                    while (r.next()) {
                        likeness.add(new LikenessUse(r.getString(1), r.getString(2), r.getString(3), r.getObject(4, UUID.class), r.getString(5),
                                r.getInt(6)));
                    }
                }
                try (ResultSet r = s.executeQuery("""
                        SELECT a.tool_key, min(a.tool), a.production_id, p.title, count(*)
                        FROM clearframe.ai_uses a JOIN clearframe.productions p ON p.id = a.production_id
                        WHERE a.vendor_trains = 'YES'
                        GROUP BY a.tool_key, a.production_id, p.title ORDER BY a.tool_key, p.title""")) {
                    while (r.next()) {
                        training.add(new TrainingTool(r.getString(1), r.getString(2), r.getObject(3, UUID.class), r.getString(4), r.getInt(5)));
                    }
                }
            }
            c.commit();
            return new Facts(productions, likeness, training);
        } catch (SQLException e) {
            register.rollback();
            throw register.failure("read the studio report", e);
        } finally {
            try {
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            } catch (SQLException ignored) {
                // the connection is gone
            }
            register.autoCommit();
        }
    }
}
