package org.clearframe.ui;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Policy;
import org.clearframe.rules.PolicyUnreadable;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The flags of an open production, kept current edit by edit: after an edit only the shots it touched are re-checked,
 * each from its own inputs, and the views are told which. Also keeps the count of uses of a person on screen that
 * the consent on record does not cover, shot by shot.
 */
final class SessionFlags {

    /** Stands in for a stored policy that does not read: no rule, so no flag, and no shot shows as clear. */
    private static final Policy UNREADABLE = new Policy("Unreadable studio policy", "", Policy.SCHEMA_VERSION, List.of());

    private final SessionState state;
    private FlagIndex flags;
    private final ReadOnlyObjectWrapper<Session.Rechecked> rechecked = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FlagIndex.Summary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper policyProblem = new ReadOnlyStringWrapper("");
    /** Uses of a person on screen that the consent on record does not cover, by shot: kept as shots are re-checked. */
    private final Map<UUID, Integer> consentGapsByShot = new HashMap<>();
    private int consentGaps;
    /** The cast and consents the gaps were counted against; dropped whenever they (or the production) change. */
    private ProductionData coverageFacts;
    /** The open signatures' due dates, from the first time the navigator asks; null again when every date may change. */
    private DueTally due;

    SessionFlags(SessionState state, ProductionData data) {
        this.state = state;
        flags = flagIndex(data);
        summary.set(flags.summary());
        countAllConsentGaps();
    }

    /**
     * The flags under the policy in force. A stored policy that does not read is not replaced by the built-in one
     * (which might clear what the studio's blocks): the banner says why, and no shot shows as clear.
     */
    private FlagIndex flagIndex(ProductionData data) {
        try {
            FlagIndex index = new FlagIndex(Assessment.of(data), data);
            policyProblem.set("");
            return index;
        } catch (PolicyUnreadable e) {
            policyProblem.set(e.getMessage());
            return new FlagIndex(UNREADABLE, data);
        }
    }

    FlagIndex index() {
        return flags;
    }

    ReadOnlyStringProperty policyProblemProperty() {
        return policyProblem.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<FlagIndex.Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Session.Rechecked> recheckedProperty() {
        return rechecked.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    int consentGaps() {
        return consentGaps;
    }

    /** Re-evaluates one shot from its own inputs after it or its sign-offs changed, then tells the views. */
    void shotChanged(UUID id) {
        recheck(id);
        published(new Session.Rechecked(Set.of(id), false));
    }

    void shotsChanged(Collection<UUID> ids) {
        for (UUID id : ids) recheck(id);
        published(new Session.Rechecked(Set.copyOf(ids), false));
    }

    /** After a change to what flags depend on beyond the shots (cast, scans, consents): only the shots naming these people. */
    void castChanged(UUID... castIds) {
        factsChanged();
        Set<UUID> touched = new HashSet<>();
        for (UUID person : castIds) if (person != null) touched.addAll(state.index.shotsNamingPerformer(person));
        shotsChanged(touched);
    }

    /** The cast, scans or consents changed: later re-checks read them again; no shot is re-checked by this alone. */
    void factsChanged() {
        flags.useFacts(state.facts());
        coverageFacts = null;
    }

    /** Every shot again (a new genre): the one re-check whose cost grows with the production. */
    void everyShotChanged() {
        flags.rebuild(state.snapshot());
        countAllConsentGaps();
        due = null;
        published(new Session.Rechecked(Set.of(), true));
    }

    /** A new policy in force: every flag is evaluated again under it. */
    void policyChanged() {
        flags = flagIndex(state.snapshot());
        due = null;
        published(new Session.Rechecked(Set.of(), true));
    }

    /** Re-checks the shots a bulk change touched, then tells the views once (they refresh on the revision). */
    void bulkChanged(Collection<UUID> ids) {
        for (UUID id : ids) recheck(id);
        summary.set(flags.summary());
        revision.set(revision.get() + 1);
    }

    /** Open signatures overdue or due this week against {@code today}. */
    int urgentSignatures(java.time.LocalDate today) {
        if (due == null) {
            due = new DueTally();
            var schedule = state.schedule.get();
            for (Shot s : state.shots) due.update(s.id(), s, flags.flags(s.id()), schedule);
        }
        return due.urgent(today);
    }

    /** The calendar changed: every due date may have moved (worked out again when next asked). */
    void scheduleChanged() {
        due = null;
    }

    /** Each person the shot's AI uses reproduce or alter, and whether the consent on record covers each use. */
    List<ConsentCoverage.Coverage> consentCoverage(Shot shot) {
        if (coverageFacts == null) coverageFacts = state.facts();
        return ConsentCoverage.of(coverageFacts, shot); // the cast and consents only: no copy of every shot
    }

    private void recheck(UUID id) {
        Shot shot = state.index.shot(id);
        if (shot == null) flags.forget(id);
        else flags.recheck(shot, state.index.signOffsOf(id));
        countConsentGaps(id, shot);
        if (due != null) due.update(id, shot, flags.flags(id), state.schedule.get());
    }

    private void countConsentGaps(UUID id, Shot shot) {
        int gaps = 0;
        if (shot != null && shot.hasAiUse()) {
            for (ConsentCoverage.Coverage c : consentCoverage(shot)) if (!c.covered()) gaps++;
        }
        Integer old = gaps == 0 ? consentGapsByShot.remove(id) : consentGapsByShot.put(id, gaps);
        consentGaps += gaps - (old == null ? 0 : old);
    }

    private void countAllConsentGaps() {
        consentGapsByShot.clear();
        consentGaps = 0;
        coverageFacts = null;
        for (Shot s : state.shots) countConsentGaps(s.id(), s);
    }

    private void published(Session.Rechecked what) {
        summary.set(flags.summary());
        rechecked.set(what);
        revision.set(revision.get() + 1);
    }
}
