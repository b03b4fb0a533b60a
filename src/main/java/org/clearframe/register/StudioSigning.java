package org.clearframe.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.model.Decision;
import org.clearframe.model.Role;
import org.clearframe.model.SignOff;
import org.clearframe.store.register.Publication;
import org.clearframe.store.register.Register;
import org.clearframe.store.register.RegisterException;
import org.clearframe.store.register.StudioReplies;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The studio AI contact signs in the register: one reply, signed with their own Ed25519 key exactly as a head's
 * reply is, answering every flag of a production that waits on them, as the shots stood when published. The
 * producer's {@code pull} then verifies it like any reply.
 */
public final class StudioSigning {

    /** The department of the studio AI contact's role: a reply's signer answers only for their own department's roles. */
    public static final String DEPARTMENT = Role.STUDIO_AI_CONTACT.department();

    private StudioSigning() {}

    /** The package id the register's replies for {@code production} answer: one per production, stable. */
    public static UUID packageId(UUID production) {
        return UUID.nameUUIDFromBytes(("clearframe-studio-register:" + production).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs the open studio signatures of {@code production} and records them; returns the reply (empty list: nothing waited). */
    public static Reply sign(String address, UUID production, String signer, Decision decision, String note, KeyPair keys)
            throws RegisterException, ExchangeException {
        try (Register register = Register.connect(address)) {
            List<StudioReplies.Waiting> waiting = register.waitingOnStudio(production);
            if (waiting.isEmpty()) {
                throw new ExchangeException(ExchangeException.Problem.INVALID, "Nothing in production " + production
                        + " waits on the studio AI contact (or you may not see it).");
            }
            Instant now = Instant.now();
            List<Reply.Entry> entries = waiting.stream()
                    .map(w -> new Reply.Entry(w.shotId(), w.ruleId(), Role.STUDIO_AI_CONTACT, null, decision, note, now, w.fingerprint()))
                    .toList();
            Reply reply = Reply.sign(packageId(production), production, waiting.get(0).productionTitle(),
                    new Reply.Signer(signer, DEPARTMENT, List.of(Role.STUDIO_AI_CONTACT)), entries, keys);
            List<SignOff> decisions = new ArrayList<>();
            for (Reply.Entry e : reply.decisions()) {
                decisions.add(new SignOff(reply.signOffId(e), e.shotId(), e.ruleId(), e.role(), null, signer, e.decision(), e.note(), e.signedAt(),
                        e.fingerprint()));
            }
            register.addStudioReply(new Publication.Reply(reply.id(), reply.packageId(), signer, DEPARTMENT, List.of(Role.STUDIO_AI_CONTACT.name()),
                    reply.keyFingerprint(), bytes(reply), now), production, decisions);
            return reply;
        }
    }

    private static byte[] bytes(Reply reply) throws ExchangeException {
        try {
            // Any JSON rendering verifies: the signature covers the canonical form, not these bytes.
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(reply.toJson());
        } catch (JsonProcessingException e) {
            throw new ExchangeException(ExchangeException.Problem.INVALID, "The studio sign-off could not be written: " + e.getMessage(), e);
        }
    }
}
