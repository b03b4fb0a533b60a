package org.clearframe.ui;

import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.ChangeList;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.ShotContent;

import java.util.Collection;
import java.util.Map;

/**
 * What a stale sign-off's signer agreed to and what differs now, in one line for the shot detail and the Sign-offs
 * page: "Changed since signed: Output: Temporary -> Final; uploads added: likeness". The signed plan comes from the
 * file, which keeps it with each sign-off; a sign-off from before it was kept says that it is not known.
 */
final class SignedChanges {

    static final String UNKNOWN = "What changed since it was signed is not known: the plan it was signed for was not kept "
            + "(signed before Clearframe kept it).";

    private SignedChanges() {}

    /** The signed plans of {@code signOffs}, by fingerprint, in one read; empty (and logged) if the file cannot be read. */
    static Map<String, ShotContent> contents(Session session, Collection<SignOff> signOffs) {
        try {
            return session.signedContents(signOffs.stream().map(SignOff::fingerprint).distinct().toList());
        } catch (Exception e) {
            System.getLogger(SignedChanges.class.getName()).log(System.Logger.Level.WARNING, "Could not read the signed plans", e);
            return Map.of();
        }
    }

    /** The line for {@code signed} on {@code now}: "" when the plan did not change since it was signed. */
    static String describe(SignOff signed, Shot now, Map<String, ShotContent> contents, ProductionData data) {
        if (signed.fingerprint().equals(Fingerprint.of(now))) {
            return ""; // stale for another reason (a performer renamed), or not stale at all: the plan is the one signed
        }
        ShotContent content = contents.get(signed.fingerprint());
        if (content == null || !content.shotId().equals(now.id())) return UNKNOWN;
        String summary = ChangeList.summary(content, now, data);
        return summary.isEmpty() ? UNKNOWN : "Changed since signed: " + summary;
    }
}
