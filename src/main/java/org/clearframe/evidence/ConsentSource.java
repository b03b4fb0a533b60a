package org.clearframe.evidence;

import org.clearframe.model.CastMember;

import java.util.List;

/**
 * Where the performer consent package gets its lines. The seam for consent recorded as data (issue 11): today the
 * only source is {@link PersonSignOffs}, the per-person sign-offs (affected performer, estate) with their proofs;
 * consent records with the uses they cover and their signed documents become a second source, and the pack's
 * performer-consent file and the register's consent column pick them up without other change.
 */
interface ConsentSource {

    /** One thing that shows (or fails to show) a performer's consent to one use. */
    record Line(CastMember performer, String scene, String shot, String covers, String state, String proof, String signer,
                String signedAt, String source) {}

    /** Every line for {@code performer}, in script order. */
    List<Line> linesFor(CastMember performer);

    /** What this source cannot show yet, said plainly in the pack; empty when nothing is missing. */
    String limitation();
}
