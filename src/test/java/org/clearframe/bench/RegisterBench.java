package org.clearframe.bench;

import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.register.Publishing;
import org.clearframe.register.StudioReport;
import org.clearframe.register.TestRegister;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.register.Publication;
import org.clearframe.store.register.Register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The studio register at scale, on the embedded PostgreSQL: 499 productions of 2,000 shots filled in bulk by SQL,
 * plus one 10,000-shot production published through Clearframe (1,008,000 shots in all). Targets: the studio report
 * under 1 s; publishing a 10,000-shot production under 5 s; re-publishing after one edited shot under 100 ms.
 * Publish times are given end to end (reading the file, evaluating, sending) and for the register's part alone
 * (the app has the production loaded when it publishes after a save).
 */
public final class RegisterBench {

    // -Dclearframe.bench.registerProductions=N fills a smaller register (faster on a busy machine; the figures say so).
    private static final int BULK_PRODUCTIONS = Integer.getInteger("clearframe.bench.registerProductions", 499), BULK_SHOTS = 2_000,
            SHOTS = 10_000, RUNS = 5;

    private RegisterBench() {}

    public static void main(String[] args) throws Exception {
        run().forEach(System.out::println);
    }

    public static List<String> run() throws Exception {
        List<String> lines = new ArrayList<>();
        TestRegister reg = TestRegister.fresh();
        String producer = reg.role("bench_producer", "clearframe_producer");
        String studio = reg.role("bench_studio", "clearframe_studio");
        long t0 = System.nanoTime();
        fill(reg);
        lines.add(String.format("Register filled by SQL with %d productions x %d shots in %.1f s", BULK_PRODUCTIONS, BULK_SHOTS, secs(t0)));

        Path dir = Files.createTempDirectory("clearframe-register-bench");
        Path file = dir.resolve("big.clearframe");
        ProductionData data = SyntheticProduction.generate(SHOTS, 16);
        SyntheticProduction.write(file, data);

        long start = System.nanoTime();
        Publishing.publish(file, reg.url(producer));
        lines.add(String.format("Publish a %,d-shot production, new to the register, end to end: %.0f ms (target < 5,000)", SHOTS, ms(start)));
        try (Connection c = reg.admin(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
            try (var r = s.executeQuery("SELECT count(*) FROM clearframe.shots")) {
                r.next();
                lines.add(String.format("Shots in the register: %,d", r.getLong(1)));
            }
        }

        double[] report = new double[RUNS];
        int shown = 0;
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            shown = StudioReport.read(reg.url(studio), LocalDate.now()).productions().size();
            report[i] = ms(s);
        }
        lines.add(String.format("Studio report over %d productions, median of %d: %.0f ms (target < 1,000)", shown, RUNS, median(report)));

        double[] again = new double[RUNS], registerOnly = new double[RUNS];
        Publication loaded = null;
        for (int i = 0; i < RUNS; i++) {
            Shot shot = data.shots().get(i * 7);
            try (ProductionStore store = ProductionStore.open(file)) {
                store.saveShot(shot.edit().description(shot.description() + " (revised " + i + ")").build());
            }
            long s = System.nanoTime();
            Publishing.publish(file, reg.url(producer));
            again[i] = ms(s);
        }
        loaded = Publishing.read(file);
        try (Register register = Register.connect(reg.url(producer))) {
            for (int i = 0; i < RUNS; i++) {
                ProductionData d = loaded.data();
                List<Shot> shots = new ArrayList<>(d.shots());
                Shot shot = shots.get(100 + i);
                shots.set(100 + i, shot.edit().description("edited " + i).build());
                ProductionData edited = new ProductionData(d.production(), d.departments(), d.cast(), d.scenes(), shots, d.signOffs(),
                        d.policyJson(), d.scans(), d.consents());
                Publication next = new Publication(edited, loaded.flags(), loaded.policy(), loaded.newerPolicy(), loaded.replies(), loaded.signOffs());
                long s = System.nanoTime();
                var result = register.publish(next);
                registerOnly[i] = ms(s);
                if (result.rowsWritten() < 1 || result.rowsWritten() > 2) throw new IllegalStateException("one edited shot wrote " + result.rowsWritten() + " rows");
                loaded = next;
            }
        }
        lines.add(String.format("Re-publish after one edited shot, end to end (read file, evaluate, send), median: %.0f ms", median(again)));
        lines.add(String.format("Re-publish after one edited shot, the register's part (diff and write), median: %.0f ms (target < 100)",
                median(registerOnly)));
        return lines;
    }

    /** 499 productions in bulk, shaped like real ones: half the shots with an AI use, a flag per use, a cast of 20 sharing names. */
    private static void fill(TestRegister reg) throws Exception {
        try (Connection c = reg.admin(); Statement s = c.createStatement()) {
            // Generated rows are consistent by construction: skip the per-row foreign key triggers while filling.
            s.execute("SET session_replication_role = replica");
            s.execute("INSERT INTO clearframe.productions (id, owner, title, studio, producer, format, shoot_date, policy_name, policy_version, "
                    + "row_hash) SELECT md5('p' || p)::uuid, 'bench', 'Production ' || p, 'Studio', 'Producer', 'FEATURE', "
                    + "current_date + (p % 200 - 50), 'Clearframe default policy', CASE WHEN p % 10 = 0 THEN '2026.11' ELSE '2026.12' END, 'x' "
                    + "FROM generate_series(1, " + BULK_PRODUCTIONS + ") p");
            s.execute("INSERT INTO clearframe.scenes (id, production_id, owner, position, number, heading, row_hash) "
                    + "SELECT md5('sc' || p || '-' || k)::uuid, md5('p' || p)::uuid, 'bench', k, k::text, 'INT. SET ' || k, 'x' "
                    + "FROM generate_series(1, " + BULK_PRODUCTIONS + ") p, generate_series(1, 100) k");
            s.execute("INSERT INTO clearframe.shots (id, production_id, owner, scene_id, number, description, fingerprint, row_hash) "
                    + "SELECT md5('s' || p || '-' || k)::uuid, md5('p' || p)::uuid, 'bench', md5('sc' || p || '-' || (k % 100 + 1))::uuid, "
                    + "k::text, 'Shot ' || k, md5('f' || p || '-' || k), 'x' "
                    + "FROM generate_series(1, " + BULK_PRODUCTIONS + ") p, generate_series(1, " + BULK_SHOTS + ") k");
            s.execute("INSERT INTO clearframe.ai_uses (id, production_id, owner, shot_id, technique, purpose, tool, tool_key, output, "
                    + "vendor_trains, performer_ids, row_hash) SELECT md5('u' || p || '-' || k)::uuid, md5('p' || p)::uuid, 'bench', "
                    + "md5('s' || p || '-' || k)::uuid, 'GENERATIVE_VFX', 'Use', 'Tool ' || (k % 40), 'tool ' || (k % 40), 'FINAL', "
                    + "CASE WHEN k % 997 = 0 THEN 'YES' ELSE 'NO' END, '{}', 'x' "
                    + "FROM generate_series(1, " + BULK_PRODUCTIONS + ") p, generate_series(2, " + BULK_SHOTS + ", 2) k");
            s.execute("INSERT INTO clearframe.flags (id, production_id, owner, shot_id, ai_use_id, rule_id, blocking, open, open_roles, "
                    + "studio_open, fingerprint, row_hash) SELECT md5('g' || p || '-' || k)::uuid, md5('p' || p)::uuid, 'bench', "
                    + "md5('s' || p || '-' || k)::uuid, md5('u' || p || '-' || k)::uuid, 'VFX-GEN-FINAL', k % 3 = 0, k % 4 = 0, "
                    + "CASE WHEN k % 4 = 0 THEN ARRAY['STUDIO_AI_CONTACT'] ELSE '{}' END, k % 8 = 0, md5('f' || p || '-' || k), 'x' "
                    + "FROM generate_series(1, " + BULK_PRODUCTIONS + ") p, generate_series(2, " + BULK_SHOTS + ", 2) k");
            s.execute("INSERT INTO clearframe.people (id, production_id, owner, name, name_key, character, likeness_uses, consents, row_hash) "
                    + "SELECT md5('c' || p || '-' || k)::uuid, md5('p' || p)::uuid, 'bench', 'Performer ' || ((p * 20 + k) % 3000), "
                    + "'performer ' || ((p * 20 + k) % 3000), 'Role ' || k, k % 3, 0, 'x' "
                    + "FROM generate_series(1, " + BULK_PRODUCTIONS + ") p, generate_series(1, 20) k");
            s.execute("VACUUM ANALYZE");
        }
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
