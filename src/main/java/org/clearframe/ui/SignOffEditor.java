package org.clearframe.ui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clearframe.exchange.Attestations;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SentPackages;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.SentPackage;
import org.clearframe.model.SignOff;
import org.clearframe.rules.ShotContent;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sign-offs and the packages that ask for them. Only sign-offs whose proof holds are shown and counted; the rest
 * are listed as ignored. Sign-offs are history and a package sent stays sent, so nothing here is undoable.
 */
final class SignOffEditor {

    private final SessionState state;
    /** Why each shown sign-off counts, and the sign-offs in the file that do not; kept current as sign-offs are added. */
    private final Map<UUID, SignedRecord.Proven> proven = new HashMap<>();
    private final List<SignedRecord.Ignored> ignored = new ArrayList<>();
    /** Read from the store the first time a page asks. */
    private final ObservableList<SentPackage> packages = FXCollections.observableArrayList();
    private boolean packagesRead;

    SignOffEditor(SessionState state, SignedRecord record) {
        this.state = state;
        proven.putAll(record.proven());
        ignored.addAll(record.ignored());
    }

    /**
     * Records a sign-off the producer enters in the app, attested with the producer's own key (it is the producer's
     * word, not the person's signature). Sign-offs are history, so undo of this is not offered: a newer one supersedes it.
     */
    void addSignOff(SignOff s) throws StoreException, ExchangeException {
        Attestations.record(state.store, state.production.get().id(), List.of(s), KeyRing.forUser());
        addProven(List.of(s)); // what is shown as signed is what the file can prove
    }

    /** Checks sign-offs just written (or withdrawn) against the file's evidence; only the ones that hold are shown and counted. */
    void addProven(List<SignOff> written) throws StoreException {
        if (written.isEmpty()) return;
        SignedRecord checked = SignedRecord.prove(state.store, state.production.get(), written);
        Set<UUID> ids = new HashSet<>();
        for (SignOff s : written) ids.add(s.id());
        ignored.removeIf(i -> ids.contains(i.signOff().id()));
        ignored.addAll(checked.ignored());
        proven.keySet().removeAll(ids);
        proven.putAll(checked.proven());
        Set<UUID> shown = new HashSet<>();
        Set<SignOff> noLongerHeld = new HashSet<>(); // a set: removeAll asks it once per sign-off in the production
        for (SignOff s : written) {
            for (SignOff x : state.index.signOffsOf(s.shotId())) {
                if (!x.id().equals(s.id())) continue;
                if (checked.proven().containsKey(x.id())) shown.add(x.id());
                else noLongerHeld.add(x); // withdrawn by an undo
            }
        }
        if (!noLongerHeld.isEmpty()) state.signOffs.removeAll(noLongerHeld);
        List<SignOff> fresh = checked.data().signOffs().stream().filter(s -> !shown.contains(s.id()) && state.index.hasShot(s.shotId())).toList();
        state.signOffs.addAll(fresh);
        state.flags.shotsChanged(written.stream().map(SignOff::shotId).distinct().toList());
    }

    List<SignedRecord.Ignored> ignoredSignOffs() {
        return List.copyOf(ignored);
    }

    Optional<SignedRecord.Proven> proof(UUID signOffId) {
        return Optional.ofNullable(proven.get(signOffId));
    }

    /** Attests, with the producer's key, the sign-offs recorded before proofs were kept; returns them. */
    List<SignOff> attestEarlierSignOffs() throws StoreException, ExchangeException {
        List<SignOff> done = Attestations.attestEarlier(state.store, KeyRing.forUser());
        addProven(done);
        return done;
    }

    /** The plan each of {@code fingerprints} was signed for, where the file keeps it (and it still hashes to it). */
    Map<String, ShotContent> signedContents(Collection<String> fingerprints) throws StoreException {
        return state.store.packages().signedContents(fingerprints);
    }

    ObservableList<SentPackage> packages() {
        if (!packagesRead) {
            try {
                packages.setAll(state.store.packages().all());
            } catch (StoreException e) {
                throw new IllegalStateException("Could not read the packages shared: " + e.getMessage(), e);
            }
            packagesRead = true;
        }
        return packages;
    }

    /** Writes a sealed package to {@code target} and records it, both or neither. Not undoable: what was sent stays sent. */
    SentPackage share(SharePackage pkg, Path target) throws StoreException, ExchangeException {
        SentPackage sent = SentPackages.writeAndRecord(state.store, pkg, target);
        packages().add(sent);
        return sent;
    }

    /** Reads the packages again after a reply was linked to one. */
    void reloadPackages() throws StoreException {
        packagesRead = true;
        packages.setAll(state.store.packages().all());
    }
}
