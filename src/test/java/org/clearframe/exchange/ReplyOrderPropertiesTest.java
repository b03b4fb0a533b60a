package org.clearframe.exchange;

import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policies;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.Gen;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Importing replies is order-free and idempotent, through real files and the real exchange API: department
 * heads answer generated productions (some heads twice, changing their minds), and the producer imports every
 * reply into one copy in the order they were written and into another in a random order with some replies
 * imported twice. Both copies end in the same sign-off state: for every signature a flag needs, the same state,
 * decision, note and signer. (Of two identical decisions from one head, the history keeps whichever arrived
 * first; that does not change what the sign-off says.) Importing a reply a second time records nothing.
 */
class ReplyOrderPropertiesTest {

    private static final List<String> DEPARTMENTS = List.of("VFX", "Costume / Wardrobe", "Direction", "Art / Production Design",
            "Makeup & Hair", "Sound", "Editorial", "Legal", "Writing");
    private static final Map<String, KeyPair> KEYS = new TreeMap<>();

    @TempDir Path dir;

    static LongStream seeds() {
        return Gen.seeds(0x0DE7L, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyOrderAndRepeatsGiveTheSameFinalState(long seed) throws Exception {
        Gen g = new Gen(seed);
        ProductionData data = g.production();
        Path inOrder = dir.resolve("in-order.clearframe");
        ProductionBuilder.from(data).unproven().write(inOrder);
        Path shuffled = dir.resolve("shuffled.clearframe");
        Files.copy(inOrder, shuffled);

        List<Reply> replies = new ArrayList<>();
        for (String department : DEPARTMENTS) {
            SharePackage pkg = SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, department));
            if (pkg.slots().isEmpty()) continue;
            String head = "Head of " + department;
            for (int n = g.between(1, 2); n > 0; n--) {
                List<SharePackage.Answer> answers = new ArrayList<>();
                for (SharePackage.Slot slot : g.someOf(pkg.slots(), pkg.slots().size())) {
                    Decision d = g.pick(Decision.class);
                    answers.add(new SharePackage.Answer(slot, d, d == Decision.APPROVED_WITH_CONDITIONS ? "Only " + g.name() : ""));
                }
                if (answers.isEmpty()) answers.add(new SharePackage.Answer(pkg.slots().get(0), Decision.APPROVED, ""));
                replies.add(pkg.sign(head, answers, key(head)));
                Thread.sleep(1); // a head's second reply is signed later than the first
            }
        }

        for (Reply r : replies) importInto(inOrder, r, "in-order");
        List<Reply> mixed = new ArrayList<>(replies);
        for (Reply r : replies) if (g.chance(0.3)) mixed.add(r);
        Collections.shuffle(mixed, g.random());
        for (Reply r : mixed) importInto(shuffled, r, "shuffled");

        ProductionData a = load(inOrder), b = load(shuffled);
        assertEquals(state(a), state(b), "seed " + seed + ": " + replies.size() + " replies, imported in order and shuffled");

        // Idempotence: every reply imported once more changes nothing at all.
        for (Reply r : replies) {
            ReplyImport.Preview again = importInto(inOrder, r, "in-order");
            assertTrue(again.changesNothing(), "seed " + seed + ": a reply imported twice records " + again.toRecord());
        }
        assertEquals(new HashSet<>(a.signOffs()), new HashSet<>(load(inOrder).signOffs()), "seed " + seed + ": the history grew on a repeat");
    }

    /** For every signature every flag needs: its state and what its latest sign-off says. */
    private static Map<String, String> state(ProductionData data) {
        Map<String, String> state = new TreeMap<>();
        Map<java.util.UUID, List<Flag>> flags = Evaluator.evaluateAll(Policies.inForce(data), data);
        for (Shot shot : data.shots()) {
            for (Flag f : flags.getOrDefault(shot.id(), List.of())) {
                for (RequiredSignature s : f.signatures()) {
                    String slot = shot.id() + "/" + f.rule().id() + "/" + s.role() + "/" + s.subjectId();
                    SignOff latest = s.latestOrNull();
                    state.put(slot, s.state() + (latest == null ? "" : " " + latest.decision() + " '" + latest.note() + "' by " + latest.signer()));
                }
            }
        }
        return state;
    }

    private ReplyImport.Preview importInto(Path production, Reply reply, String who) throws Exception {
        ReplyImport importer = new ReplyImport(new TrustStore(dir.resolve(who + "-config")));
        try (ProductionStore store = ProductionStore.open(production)) {
            return importer.apply(store, reply);
        }
    }

    private static ProductionData load(Path file) throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }

    private static synchronized KeyPair key(String head) throws Exception {
        KeyPair k = KEYS.get(head);
        if (k == null) KEYS.put(head, k = KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        return k;
    }
}
