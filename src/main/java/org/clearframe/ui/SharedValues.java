package org.clearframe.ui;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shots of a production just read, with each value that many shots repeat held once: the file gives every shot
 * its own copy of its scene's id, of the departments and performers it names, and of short texts such as the lens,
 * the shot number or an empty note. At 100,000 shots those copies are tens of megabytes of an open production; the
 * shots are equal to what was read, field for field (so their fingerprints are the same).
 */
final class SharedValues {

    private final Map<Object, Object> seen = new HashMap<>();

    private SharedValues() {}

    /** {@code data} with its shots' repeated values shared with each other and with the scenes, departments and cast. */
    static ProductionData of(ProductionData data) {
        SharedValues shared = new SharedValues();
        for (Scene s : data.scenes()) shared.one(s.id());
        for (Department d : data.departments()) shared.one(d.id());
        for (CastMember c : data.cast()) shared.one(c.id());
        List<Shot> shots = new ArrayList<>(data.shots().size());
        for (Shot s : data.shots()) shots.add(shared.shot(s));
        return new ProductionData(data.production(), data.departments(), data.cast(), data.scenes(), shots, data.signOffs(),
                data.policyJson(), data.scans(), data.consents());
    }

    private Shot shot(Shot s) {
        List<AiUse> uses = s.aiUses();
        if (!uses.isEmpty()) {
            List<AiUse> mine = new ArrayList<>(uses.size());
            for (AiUse u : uses) mine.add(use(u));
            uses = mine;
        }
        // the description is a shot's own text: only an empty one is shared
        return new Shot(s.id(), one(s.sceneId()), one(s.number()), s.description().isEmpty() ? "" : s.description(), s.size(),
                one(s.angle()), one(s.movement()), one(s.lens()), s.durationSeconds(), ids(s.departmentIds()), one(s.notes()), uses);
    }

    private AiUse use(AiUse u) {
        return new AiUse(u.id(), u.technique(), one(u.purpose()), one(u.tool()), u.output(), ids(u.performerIds()), ids(u.departmentIds()),
                u.uploads(), u.vendorTrains(), u.factors(), one(u.notes()), u.frameSharePercent());
    }

    /** A list of ids: the same list for every shot that names the same ones, each id the one its record holds. */
    private List<java.util.UUID> ids(List<java.util.UUID> ids) {
        if (ids.isEmpty()) return List.of();
        List<java.util.UUID> mine = new ArrayList<>(ids.size());
        for (java.util.UUID id : ids) mine.add(one(id));
        return one(List.copyOf(mine));
    }

    @SuppressWarnings("unchecked")
    private <T> T one(T value) {
        if (value == null) return null;
        Object was = seen.putIfAbsent(value, value);
        return was == null ? value : (T) was;
    }
}
