package org.clearframe.exchange;

import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * The id checks every exchange file's reader makes: an id appears once in its table, a reference points at a row
 * the file holds, and no scene has two shots with the same number (a shot is known to people by its number, so
 * two of them would let a sign-off read for one be recorded against the other).
 */
final class IdChecks {

    private IdChecks() {}

    /** The ids as a set, refusing a repeated one. {@code what} names the table ("shot"). */
    static <T> Set<T> unique(String file, String what, List<T> ids) throws ExchangeException {
        Set<T> seen = new HashSet<>(ids.size() * 2);
        for (T id : ids) if (!seen.add(id)) throw duplicate(file, what, id);
        return seen;
    }

    /** Ids are UUIDs, except a policy rule's, which is its name ("VFX-GEN-FINAL"). */
    static ExchangeException duplicate(String file, String what, Object id) {
        return new ExchangeException(Problem.DUPLICATE_ID, file + ": the " + what + " id " + id + " appears more than once.");
    }

    /** Refuses {@code id} unless it is one of {@code ids}; {@code context} says who refers to it. */
    static <T> void known(String file, Set<T> ids, T id, String context) throws ExchangeException {
        if (!ids.contains(id)) {
            throw new ExchangeException(Problem.UNKNOWN_ID, file + ": " + context + " " + id + ", which is not in the file.");
        }
    }

    /** Refuses two shots of one scene whose numbers are the same once trimmed and case-folded ("3a" and "3A "). */
    static void uniqueShotNumbers(String file, Collection<Scene> scenes, Collection<Shot> shots) throws ExchangeException {
        Map<UUID, String> sceneNumbers = new HashMap<>();
        for (Scene s : scenes) sceneNumbers.put(s.id(), s.number());
        Map<String, Shot> seen = new HashMap<>();
        for (Shot s : shots) {
            String number = s.number().strip().toUpperCase(Locale.ROOT);
            if (number.isEmpty()) continue;
            Shot other = seen.putIfAbsent(s.sceneId() + "/" + number, s);
            if (other != null) {
                throw new ExchangeException(Problem.DUPLICATE_ID, file + ": scene " + sceneNumbers.getOrDefault(s.sceneId(), "?")
                        + " has two shots numbered " + s.number().strip() + " (ids " + other.id() + " and " + s.id() + ").");
            }
        }
    }
}
