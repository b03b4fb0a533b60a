package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.exchange.ExchangeException.Problem;
import org.clearframe.model.Contact;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.SentPackage;
import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.rules.ShotContent;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.StoreException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The producer's records of schema 8 in a project file (project schema 4): the shoot calendar, contact details, the
 * packages shared and their replies, and the content sign-offs were given for. A file without them (schema 3 and
 * earlier) imports with none. Checked as strictly as the rest of the file: unknown ids and duplicates refuse it whole.
 */
public record ProducerRecords(ShootSchedule schedule, Map<UUID, Contact> contacts, List<SentPackage> packages, List<ShotContent> signedContents) {

    public static final ProducerRecords NONE = new ProducerRecords(ShootSchedule.EMPTY, Map.of(), List.of(), List.of());

    public ProducerRecords {
        schedule = schedule == null ? ShootSchedule.EMPTY : schedule;
        contacts = contacts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contacts));
        packages = packages == null ? List.of() : List.copyOf(packages);
        signedContents = signedContents == null ? List.of() : List.copyOf(signedContents);
    }

    /** What the open production holds, limited to scenes and shots it still has (a deleted scene's day is not exported). */
    static ProducerRecords of(ProductionStore store, ProductionData data) throws StoreException {
        ShootSchedule s = store.schedule().schedule();
        Set<UUID> scenes = new HashSet<>(), shots = new HashSet<>();
        data.scenes().forEach(x -> scenes.add(x.id()));
        data.shots().forEach(x -> shots.add(x.id()));
        Map<UUID, Integer> sceneDays = new HashMap<>(s.sceneDays());
        sceneDays.keySet().retainAll(scenes);
        Map<UUID, LocalDate> due = new HashMap<>(s.dueOverrides());
        due.keySet().retainAll(shots);
        Map<UUID, Contact> contacts = new LinkedHashMap<>(store.schedule().contacts());
        Set<UUID> owners = new HashSet<>();
        data.cast().forEach(c -> owners.add(c.id()));
        data.departments().forEach(d -> owners.add(d.id()));
        contacts.keySet().retainAll(owners);
        return new ProducerRecords(new ShootSchedule(s.shootDays(), s.daysOff(), sceneDays, due), contacts, store.packages().all(),
                store.packages().allSignedContents());
    }

    /** Writes these records into a new production (import), in the store's own transactions, before the file is moved into place. */
    void writeTo(ProductionStore store) throws StoreException {
        store.schedule().replaceAll(schedule);
        for (Contact c : contacts.values()) store.schedule().setContact(c);
        store.packages().keepSignedContents(signedContents);
        for (SentPackage p : packages) store.packages().record(p, List.of());
    }

    // ------------------------------------------------------------------------------------------------ JSON

    void write(ObjectNode root) {
        ObjectNode cal = root.putObject("shootCalendar");
        ArrayNode days = cal.putArray("days");
        schedule.shootDays().forEach((day, date) -> days.addObject().put("day", day).put("date", date.toString()));
        ArrayNode off = cal.putArray("daysOff");
        schedule.daysOff().forEach(d -> off.add(d.toString()));
        ArrayNode scenes = cal.putArray("scenes");
        new TreeMap<>(schedule.sceneDays()).forEach((id, day) -> scenes.addObject().put("sceneId", id.toString()).put("day", day));
        ArrayNode due = cal.putArray("dueDates");
        new TreeMap<>(schedule.dueOverrides()).forEach((id, d) -> due.addObject().put("shotId", id.toString()).put("dueOn", d.toString()));
        ArrayNode contactList = root.putArray("contacts");
        contacts.values().forEach(c -> contactList.addObject().put("ownerId", c.ownerId().toString()).put("email", c.email()).put("phone", c.phone()));
        ArrayNode pkgs = root.putArray("sharedPackages");
        for (SentPackage p : packages) {
            ObjectNode o = pkgs.addObject();
            o.put("id", p.id().toString());
            o.put("audienceKind", p.audienceKind().name());
            o.put("audience", p.audience());
            if (p.performerId() == null) o.putNull("performerId");
            else o.put("performerId", p.performerId().toString());
            o.put("representative", p.representative());
            o.put("sentAt", p.sentAt().toString());
            o.put("fileName", p.fileName());
            o.put("sha256", p.sha256());
            ArrayNode shots = o.putArray("shots");
            p.shots().forEach((id, f) -> shots.addObject().put("shotId", id.toString()).put("fingerprint", f));
            ArrayNode asked = o.putArray("asked");
            for (SentPackage.Asked a : p.asked()) {
                ObjectNode ao = asked.addObject().put("shotId", a.shotId().toString()).put("ruleId", a.ruleId()).put("role", a.role().name());
                if (a.subjectId() == null) ao.putNull("subjectId");
                else ao.put("subjectId", a.subjectId().toString());
                ao.put("subjectName", a.subjectName());
            }
            ArrayNode replies = o.putArray("replies");
            for (SentPackage.Answer r : p.replies()) {
                ObjectNode ro = replies.addObject().put("replyId", r.replyId().toString()).put("signer", r.signer()).put("importedAt", r.importedAt().toString());
                ArrayNode answered = ro.putArray("answered");
                r.answered().forEach(answered::add);
            }
        }
        ArrayNode contents = root.putArray("signedContents");
        signedContents.forEach(c -> contents.addObject().put("fingerprint", c.fingerprint()).put("content", c.encode()));
    }

    static ProducerRecords read(JsonIn root, ProductionData data, String file) throws ExchangeException {
        Set<UUID> scenes = new HashSet<>(), shots = new HashSet<>(), owners = new HashSet<>();
        data.scenes().stream().map(Scene::id).forEach(scenes::add);
        data.shots().stream().map(Shot::id).forEach(shots::add);
        data.cast().forEach(c -> owners.add(c.id()));
        data.departments().forEach(d -> owners.add(d.id()));

        TreeMap<Integer, LocalDate> days = new TreeMap<>();
        TreeSet<LocalDate> off = new TreeSet<>();
        Map<UUID, Integer> sceneDays = new HashMap<>();
        Map<UUID, LocalDate> due = new HashMap<>();
        if (root.has("shootCalendar")) {
            JsonIn cal = root.object("shootCalendar");
            Set<LocalDate> dates = new HashSet<>();
            for (JsonIn d : cal.objects("days")) {
                int day = d.integer("day");
                if (day < 1) throw d.invalid("day", "is not a shoot day number (they start at 1).");
                LocalDate date = requiredDate(d, "date");
                if (days.put(day, date) != null) throw d.invalid("day", "repeats shoot day " + day + ".");
                if (!dates.add(date)) throw d.invalid("date", "is the date of two shoot days.");
            }
            for (String text : cal.texts("daysOff")) {
                LocalDate date = parseDate(cal, "daysOff", text);
                if (dates.contains(date)) throw cal.invalid("daysOff", date + " is both a shoot day and a day off.");
                if (!off.add(date)) throw cal.invalid("daysOff", "lists " + date + " twice.");
            }
            for (JsonIn s : cal.objects("scenes")) {
                UUID id = s.uuid("sceneId");
                if (!scenes.contains(id)) throw new ExchangeException(Problem.UNKNOWN_ID, file + ": " + s.where("sceneId") + " names no scene in the file.");
                int day = s.integer("day");
                if (day < 1) throw s.invalid("day", "is not a shoot day number (they start at 1).");
                if (sceneDays.put(id, day) != null) throw IdChecks.duplicate(file, "shoot day of scene", id);
            }
            for (JsonIn s : cal.objects("dueDates")) {
                UUID id = s.uuid("shotId");
                if (!shots.contains(id)) throw new ExchangeException(Problem.UNKNOWN_ID, file + ": " + s.where("shotId") + " names no shot in the file.");
                if (due.put(id, requiredDate(s, "dueOn")) != null) throw IdChecks.duplicate(file, "due date of shot", id);
            }
        }
        Map<UUID, Contact> contacts = new LinkedHashMap<>();
        for (JsonIn c : root.objects("contacts")) {
            UUID id = c.uuid("ownerId");
            if (!owners.contains(id)) throw new ExchangeException(Problem.UNKNOWN_ID, file + ": " + c.where("ownerId") + " names no cast member or department in the file.");
            if (contacts.put(id, new Contact(id, limited(c, "email", 320), limited(c, "phone", 64))) != null) throw IdChecks.duplicate(file, "contact", id);
        }
        List<SentPackage> packages = new ArrayList<>();
        Set<UUID> packageIds = new HashSet<>(), replyIds = new HashSet<>();
        for (JsonIn p : root.objects("sharedPackages")) {
            UUID id = p.uuid("id");
            if (!packageIds.add(id)) throw IdChecks.duplicate(file, "shared package", id);
            Map<UUID, String> pkgShots = new LinkedHashMap<>();
            for (JsonIn s : p.objects("shots")) {
                if (pkgShots.put(s.uuid("shotId"), limited(s, "fingerprint", 64)) != null) throw s.invalid("shotId", "is listed twice in the package.");
            }
            List<SentPackage.Asked> asked = new ArrayList<>();
            for (JsonIn a : p.objects("asked")) {
                asked.add(new SentPackage.Asked(a.uuid("shotId"), a.nonBlank("ruleId", 200), a.enumValue("role", Role.class), a.uuidOrNull("subjectId"),
                        limited(a, "subjectName", 500)));
            }
            List<SentPackage.Answer> replies = new ArrayList<>();
            for (JsonIn r : p.objects("replies")) {
                UUID reply = r.uuid("replyId");
                if (!replyIds.add(reply)) throw IdChecks.duplicate(file, "linked reply", reply);
                replies.add(new SentPackage.Answer(reply, limited(r, "signer", 500), r.instant("importedAt"), r.texts("answered")));
            }
            packages.add(new SentPackage(id, p.enumValue("audienceKind", SentPackage.AudienceKind.class), limited(p, "audience", 500),
                    p.uuidOrNull("performerId"), limited(p, "representative", 500), p.instant("sentAt"), limited(p, "fileName", 1000),
                    limited(p, "sha256", 64), pkgShots, asked, replies));
        }
        List<ShotContent> contents = new ArrayList<>();
        for (JsonIn c : root.objects("signedContents")) {
            String fingerprint = c.text("fingerprint");
            ShotContent content = ShotContent.decode(c.text("content"), fingerprint)
                    .orElseThrow(() -> c.invalid("content", "is not the content its fingerprint was taken of."));
            contents.add(content);
        }
        return new ProducerRecords(new ShootSchedule(days, off, sceneDays, due), contacts, packages, contents);
    }

    private static LocalDate requiredDate(JsonIn o, String field) throws ExchangeException {
        LocalDate d = o.dateOrNull(field);
        if (d == null) throw o.invalid(field, "is missing.");
        return d;
    }

    private static LocalDate parseDate(JsonIn o, String field, String text) throws ExchangeException {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw o.invalid(field, "holds '" + JsonIn.abbreviate(text) + "', which is not a date.");
        }
    }

    private static String limited(JsonIn o, String field, int max) throws ExchangeException {
        String s = o.textOr(field);
        if (s.length() > max) throw o.invalid(field, "is longer than " + max + " characters.");
        return s;
    }
}
