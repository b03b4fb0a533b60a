package org.clearframe.exchange;

import org.clearframe.Sha256;
import org.clearframe.model.Role;
import org.clearframe.model.SentPackage;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is recorded of a package the producer shares, and of a reply to it: the link between an exchange file and the
 * production's own record ({@link SentPackage}). Also the one check that a package is worth sending at all.
 */
public final class SentPackages {

    private SentPackages() {}

    /**
     * Why a package should not be sent, if it asks its audience nothing: every signature it shows is already given (or
     * there is none). "Makeup & Hair has no open signature".
     */
    public static Optional<String> nothingAsked(SharePackage pkg) {
        if (!asked(pkg).isEmpty()) return Optional.empty();
        return Optional.of(audienceName(pkg) + " has no open signature"
                + (pkg.flags().isEmpty() ? " (no flag needs them)" : " (every signature asked of them is given)")
                + ", so there is nothing to send.");
    }

    /** The record of {@code pkg}, written to {@code file} as {@code bytes}. */
    public static SentPackage record(SharePackage pkg, String fileName, byte[] bytes) {
        SharePackage.Audience a = pkg.audience();
        SentPackage.AudienceKind kind;
        String audience;
        if (a.performer() != null) {
            kind = SentPackage.AudienceKind.PERFORMER;
            audience = a.performer().name();
        } else if (a.roles().equals(departmentRoles(a.department()))) {
            kind = SentPackage.AudienceKind.DEPARTMENT;
            audience = a.department();
        } else {
            kind = SentPackage.AudienceKind.ROLE;
            audience = String.join(", ", a.roles().stream().map(Role::label).toList());
        }
        Map<java.util.UUID, String> shots = new LinkedHashMap<>(pkg.fingerprints());
        return new SentPackage(pkg.id(), kind, audience, a.performer() == null ? null : a.performer().id(),
                a.representative() == null ? "" : a.representative().name(), pkg.createdAt(), fileName, Sha256.hex(bytes), shots,
                asked(pkg), List.of());
    }

    /** The record of a reply imported at {@code at}: who signed it and the questions it answered. */
    public static SentPackage.Answer answer(Reply reply, Instant at) {
        Set<String> slots = new LinkedHashSet<>();
        reply.decisions().forEach(e -> slots.add(e.slot()));
        return new SentPackage.Answer(reply.id(), reply.signer().name(), at, List.copyOf(slots));
    }

    /**
     * Writes {@code pkg} to {@code target} and records it in the open production, both or neither: the package is written
     * beside its target, recorded (one transaction), then moved into place. The UI's share and {@code share} both come here.
     */
    public static SentPackage writeAndRecord(ProductionStore store, SharePackage pkg, Path target) throws ExchangeException, StoreException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, ".clearframe-share-", ".part");
            Files.delete(temp); // the package writer makes its own file; the name only had to be free and ours
            pkg.write(temp);
            SentPackage sent = record(pkg, target.getFileName().toString(), Files.readAllBytes(temp));
            store.packages().record(sent, pkg.shots());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return sent;
        } catch (IOException e) {
            throw new ExchangeException(ExchangeException.Problem.IO, "Could not write " + target.getFileName() + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // only a leftover temporary file; the package is either in place or was never written
                }
            }
        }
    }

    /**
     * Links an imported reply to the package it answers, when that package is recorded in this production; false when it
     * is not (shared before packages were recorded, or from another copy) or the reply was linked before.
     */
    public static boolean link(ProductionStore store, Reply reply) throws StoreException {
        return store.packages().linkReply(reply.packageId(), answer(reply, Instant.now()));
    }

    /** The signatures the package asks for: those it shows that are still open (missing, stale or declined). */
    static List<SentPackage.Asked> asked(SharePackage pkg) {
        Map<String, SentPackage.Asked> asked = new LinkedHashMap<>();
        for (SharePackage.FlagInfo f : pkg.flags()) {
            for (SharePackage.Need n : f.signatures()) {
                if (!n.state().open()) continue;
                SentPackage.Asked a = new SentPackage.Asked(f.shotId(), f.ruleId(), n.role(), n.subjectId(), n.subjectName());
                asked.putIfAbsent(a.key(), a);
            }
        }
        return List.copyOf(asked.values());
    }

    private static String audienceName(SharePackage pkg) {
        SharePackage.Audience a = pkg.audience();
        if (a.performer() != null) return a.performer().name();
        if (a.roles().size() == 1 && !a.roles().equals(departmentRoles(a.department()))) return a.roles().get(0).label();
        return a.department();
    }

    private static List<Role> departmentRoles(String department) {
        return Arrays.stream(Role.values()).filter(r -> r.department().equalsIgnoreCase(department)).toList();
    }

}
