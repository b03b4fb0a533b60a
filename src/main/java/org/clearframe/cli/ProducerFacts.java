package org.clearframe.cli;

import org.clearframe.model.ProductionData;
import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.ChangeList;
import org.clearframe.rules.ShotContent;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code check} and the PDF read besides the production itself (schema 8): the shoot calendar, and the content each
 * sign-off was given for, from which a stale sign-off's change list is made.
 */
record ProducerFacts(ShootSchedule schedule, Map<String, ShotContent> signed) {

    static ProducerFacts read(Path file) throws ProjectFileException, StoreException {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return of(store);
        }
    }

    /** The same facts from a production already open. */
    static ProducerFacts of(ProductionStore store) throws StoreException {
        Map<String, ShotContent> signed = new HashMap<>();
        for (ShotContent c : store.packages().allSignedContents()) signed.put(c.fingerprint(), c);
        return new ProducerFacts(store.schedule().schedule(), signed);
    }

    /** What changed since {@code signOff} was given, field by field; empty when the content signed was not kept. */
    Optional<List<String>> changesSince(SignOff signOff, Shot now, ProductionData data) {
        ShotContent was = signed.get(signOff.fingerprint());
        return was == null ? Optional.empty() : Optional.of(ChangeList.between(was, now, data));
    }
}
