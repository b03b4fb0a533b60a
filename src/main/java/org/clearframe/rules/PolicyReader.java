package org.clearframe.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.clearframe.model.Factor;
import org.clearframe.model.Genre;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Role;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns policy JSON into a {@link Policy}, or a {@link PolicyException} that points at the mistake.
 *
 * <p>Three passes: a streaming pass that checks the syntax and notes each rule's id (so later errors can name
 * the rule even when it comes after the bad field), Jackson binding into the file's shape (unknown fields and
 * names rejected), then checks Jackson cannot express (required fields, duplicate ids, source labels).
 */
final class PolicyReader {

    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /** The file as written: sources by label, rules citing labels. */
    record PolicyFile(String name, String version, Integer schemaVersion, Map<String, SourceEntry> sources,
                      List<RuleFile> rules) {}

    record SourceEntry(String document, String url, String appliesFrom, String appliesUntil, Source.Checked checked) {}

    record RuleFile(String id, String title, String explanation, Trigger when, List<Role> mustSign,
                    Severity severity, List<String> sources, LeadTimeFile leadTime) {}

    /** {@code "leadTime": {"workingDays": 5}} or {@code {"hours": 48}}: exactly one of the two. */
    record LeadTimeFile(com.fasterxml.jackson.databind.JsonNode workingDays, com.fasterxml.jackson.databind.JsonNode hours) {}

    private final String source;
    private final List<String> idsSeen = new ArrayList<>();

    private PolicyReader(String source) {
        this.source = source == null || source.isBlank() ? "policy" : source;
    }

    static Policy read(String json, String source) throws PolicyException {
        return new PolicyReader(source).read(json == null ? "" : json);
    }

    private Policy read(String json) throws PolicyException {
        Integer schemaVersion = prescan(json);
        if (schemaVersion != null && schemaVersion > Policy.SCHEMA_VERSION) {
            throw new PolicyException(source, null, "schemaVersion", "this policy is written for a newer Clearframe (format "
                    + schemaVersion + "; this version reads format " + Policy.SCHEMA_VERSION + "). Update Clearframe to use it.");
        }
        PolicyFile file;
        try {
            file = MAPPER.readValue(json, PolicyFile.class);
        } catch (JsonMappingException e) {
            throw mappingProblem(e);
        } catch (JsonProcessingException e) {
            throw syntaxProblem(e, List.of());
        }
        return validate(file);
    }

    // ------------------------------------------------------------------------------------------ pass 1: syntax

    /** Checks the syntax, records each rule's id by position, and returns the schemaVersion if it is a number. */
    private Integer prescan(String json) throws PolicyException {
        Integer schemaVersion = null;
        JsonParser p = null;
        try {
            p = FACTORY.createParser(json);
            JsonToken first = p.nextToken();
            if (first == null) throw new PolicyException(source, null, null, "the file is empty; a policy is one JSON object { ... }");
            if (first != JsonToken.START_OBJECT) {
                JsonLocation at = p.currentTokenLocation();
                throw new PolicyException(source, null, null, "a policy file must hold one JSON object { ... }",
                        at.getLineNr(), at.getColumnNr(), null);
            }
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonStreamContext ctx = p.getParsingContext();
                if (ctx.inRoot()) {
                    if (t == JsonToken.END_OBJECT && p.nextToken() == null) break;
                    JsonLocation at = p.currentTokenLocation();
                    throw new PolicyException(source, null, null, "unexpected text after the policy's closing }",
                            at.getLineNr(), at.getColumnNr(), null);
                }
                if (t == JsonToken.VALUE_STRING && "id".equals(ctx.getCurrentName()) && isRuleObject(ctx)) {
                    int index = ctx.getParent().getCurrentIndex();
                    while (idsSeen.size() <= index) idsSeen.add(null);
                    idsSeen.set(index, p.getText());
                } else if (t == JsonToken.VALUE_NUMBER_INT && "schemaVersion".equals(ctx.getCurrentName())
                        && ctx.getParent() != null && ctx.getParent().inRoot()) {
                    schemaVersion = p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : Integer.MAX_VALUE;
                }
            }
            return schemaVersion;
        } catch (JsonProcessingException e) {
            throw syntaxProblem(e, p == null ? List.of() : path(p.getParsingContext()));
        } catch (IOException e) {
            throw new PolicyException(source, null, null, "cannot be read: " + e.getMessage(), 0, 0, e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // reading from a String: nothing to release
                }
            }
        }
    }

    private static boolean isRuleObject(JsonStreamContext ctx) {
        JsonStreamContext list = ctx.getParent();
        if (!ctx.inObject() || list == null || !list.inArray()) return false;
        JsonStreamContext root = list.getParent();
        return root != null && root.inObject() && "rules".equals(root.getCurrentName())
                && root.getParent() != null && root.getParent().inRoot();
    }

    private static List<Object> path(JsonStreamContext ctx) {
        Deque<Object> segments = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) segments.addFirst(c.getCurrentName());
            else if (c.inArray()) segments.addFirst(Math.max(0, c.getCurrentIndex()));
        }
        return new ArrayList<>(segments);
    }

    private PolicyException syntaxProblem(JsonProcessingException e, List<Object> where) {
        JsonLocation at = e.getLocation();
        return at(where, "syntax error: " + firstLine(e.getOriginalMessage()), at, e);
    }

    // ----------------------------------------------------------------------------------------- pass 2: binding

    private PolicyException mappingProblem(JsonMappingException e) {
        List<Object> where = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            where.add(r.getFieldName() != null ? r.getFieldName() : (Object) Math.max(0, r.getIndex()));
        }
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            problem = "unknown field \"" + u.getPropertyName() + "\"" + known("fields", u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            problem = "unknown " + kind(f.getTargetType()) + " \"" + f.getValue() + "\"" + known(plural(f.getTargetType()),
                    Arrays.stream(f.getTargetType().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            problem = "expected " + expected(m.getTargetType());
        } else {
            problem = "cannot be read: " + firstLine(e.getOriginalMessage());
        }
        return at(where, problem, e.getLocation(), e);
    }

    /** Jackson's own words, without the source description it embeds in some messages. */
    private static String firstLine(String message) {
        String what = message == null ? "" : message;
        int cut = what.indexOf('\n');
        if (cut > 0) what = what.substring(0, cut);
        return what.replaceAll("\\[Source: [^\\]]*?(line: \\d+, column: \\d+)\\]", "$1");
    }

    private static String kind(Class<?> type) {
        if (type == Technique.class) return "technique";
        if (type == Role.class) return "role";
        if (type == Factor.class) return "factor";
        if (type == Material.class) return "material";
        if (type == Severity.class) return "severity";
        if (type == Output.class) return "output";
        if (type == Genre.class) return "genre";
        if (type == Tristate.class) return "answer";
        if (type == Source.Checked.class) return "\"checked\" value";
        return "value";
    }

    private static String plural(Class<?> type) {
        return kind(type) + "s";
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        if (type == String.class) return "text in double quotes";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == Integer.class || type == int.class) return "a whole number";
        if (Collection.class.isAssignableFrom(type)) return "a list [ ... ]";
        return "an object { ... }";
    }

    private static String known(String what, Collection<?> names) {
        if (names == null || names.isEmpty()) return "";
        return "; known " + what + ": " + names.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Splits a path into the rule it is in (by id) and the field within it. */
    private PolicyException at(List<Object> where, String problem, JsonLocation location, Throwable cause) {
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        String rule = null;
        List<Object> field = where;
        if (where.size() >= 2 && "rules".equals(where.get(0)) && where.get(1) instanceof Integer index) {
            rule = ruleName(index, index < idsSeen.size() ? idsSeen.get(index) : null);
            field = where.subList(2, where.size());
        }
        return new PolicyException(source, rule, fieldName(field), problem, line, column, cause);
    }

    /** "when.technique": list positions are left out, since the message quotes the offending value. */
    private static String fieldName(List<Object> segments) {
        String name = segments.stream().filter(s -> s instanceof String).map(String::valueOf).collect(Collectors.joining("."));
        return name.isEmpty() ? null : name;
    }

    private static String ruleName(int index, String id) {
        return id != null && RULE_ID.matcher(id).matches() ? id : "#" + (index + 1);
    }

    // -------------------------------------------------------------------------------------- pass 3: checking

    private Policy validate(PolicyFile file) throws PolicyException {
        Integer schemaVersion = file.schemaVersion();
        if (schemaVersion == null) throw top("schemaVersion", "missing; write \"schemaVersion\": " + Policy.SCHEMA_VERSION);
        if (schemaVersion < 1) throw top("schemaVersion", "must be " + Policy.SCHEMA_VERSION + ", not " + schemaVersion);
        String name = requireText(file.name(), null, "name");
        String version = requireText(file.version(), null, "version");
        Map<String, Source> sources = sources(file.sources(), schemaVersion);
        if (file.rules() == null || file.rules().isEmpty()) throw top("rules", "missing or empty; a policy lists at least one rule");

        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < file.rules().size(); i++) {
            RuleFile r = file.rules().get(i);
            String ruleName = "#" + (i + 1);
            if (r == null) throw new PolicyException(source, ruleName, null, "is empty (null); remove it or write the rule");
            if (r.id() == null || r.id().isBlank()) throw new PolicyException(source, ruleName, "id", "missing; every rule needs a stable id such as \"VFX-GEN-FINAL\"");
            if (!RULE_ID.matcher(r.id()).matches()) {
                throw new PolicyException(source, ruleName, "id", "\"" + r.id() + "\" is not a usable id; use letters, digits, '-', '_' or '.', without spaces");
            }
            String id = r.id();
            Integer earlier = firstUse.putIfAbsent(id, i);
            if (earlier != null) {
                throw new PolicyException(source, id, "id", "duplicate rule id; rules #" + (earlier + 1) + " and #" + (i + 1)
                        + " both use it, and sign-offs must point at exactly one rule");
            }
            List<Source> cited = citations(r.sources(), sources, id);
            if (schemaVersion >= 2 && cited.stream().noneMatch(c -> c.checked() == Source.Checked.PRIMARY_TEXT || c.checked() == Source.Checked.HOUSE_RULE)) {
                throw new PolicyException(source, id, "sources", "cites no source whose text was checked; cite at least one source marked "
                        + "\"checked\": \"PRIMARY_TEXT\" (or \"HOUSE_RULE\" for the studio's own rule)");
            }
            rules.add(new Rule(id, requireText(r.title(), id, "title"), requireText(r.explanation(), id, "explanation"),
                    trigger(r.when(), id), roles(r.mustSign(), id), severity(r.severity(), id), cited, leadTime(r.leadTime(), id)));
        }
        return new Policy(name.strip(), version.strip(), schemaVersion, rules);
    }

    private Map<String, Source> sources(Map<String, SourceEntry> entries, int schemaVersion) throws PolicyException {
        if (entries == null || entries.isEmpty()) {
            throw top("sources", "missing or empty; list each source once, e.g. \"NFX\": {\"document\": \"...\", \"url\": \"...\"}");
        }
        Map<String, Source> sources = new HashMap<>();
        for (Map.Entry<String, SourceEntry> e : entries.entrySet()) {
            String label = e.getKey();
            if (label.isBlank()) throw top("sources", "a source has an empty label");
            if (e.getValue() == null || e.getValue().document() == null || e.getValue().document().isBlank()) {
                throw top("sources." + label + ".document", "missing; name the document, agreement or law");
            }
            SourceEntry entry = e.getValue();
            String at = "sources." + label + ".";
            LocalDate from = date(entry.appliesFrom(), at + "appliesFrom");
            LocalDate until = date(entry.appliesUntil(), at + "appliesUntil");
            if (from != null && until != null && until.isBefore(from)) {
                throw top(at + "appliesUntil", until + " is before appliesFrom " + from + ", so the source would never apply");
            }
            // Format 1 did not say what was read; from format 2 on the reader must be told, so nobody is misled.
            if (schemaVersion >= 2 && entry.checked() == null) {
                throw top(at + "checked", "missing; write PRIMARY_TEXT, SUMMARY_ONLY or HOUSE_RULE");
            }
            if (entry.checked() == Source.Checked.NOT_STATED) throw top(at + "checked", "NOT_STATED is what Clearframe says of old files; write PRIMARY_TEXT, SUMMARY_ONLY or HOUSE_RULE");
            sources.put(label, new Source(label, entry.document().strip(), entry.url() == null ? "" : entry.url().strip(), from, until, entry.checked()));
        }
        return sources;
    }

    private Trigger trigger(Trigger when, String id) throws PolicyException {
        if (when == null) throw new PolicyException(source, id, "when", "missing; write \"when\": { } to apply the rule to every AI use");
        conditions(when, id, "when");
        checkList(when.anyOf(), id, "when.anyOf");
        if (when.anyOf() != null) {
            for (Trigger alternative : when.anyOf()) {
                if (alternative.anyOf() != null) {
                    throw new PolicyException(source, id, "when.anyOf.anyOf", "an alternative cannot list alternatives of its own; write them all in one anyOf");
                }
                conditions(alternative, id, "when.anyOf");
            }
        }
        return when;
    }

    private void conditions(Trigger when, String id, String at) throws PolicyException {
        checkList(when.technique(), id, at + ".technique");
        checkList(when.performerUnion(), id, at + ".performerUnion");
        checkList(when.factors(), id, at + ".factors");
        checkList(when.notFactors(), id, at + ".notFactors");
        checkList(when.uploads(), id, at + ".uploads");
        checkList(when.vendorTrains(), id, at + ".vendorTrains");
        checkList(when.genre(), id, at + ".genre");
        if (when.factors() != null && when.notFactors() != null) {
            for (var f : when.factors()) {
                if (when.notFactors().contains(f)) {
                    throw new PolicyException(source, id, at + ".notFactors", f.name() + " is also in " + at + ".factors, so the rule could never apply");
                }
            }
        }
    }

    private LocalDate date(String text, String field) throws PolicyException {
        if (text == null) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw top(field, "\"" + text + "\" is not a date; write it as YYYY-MM-DD, e.g. \"2026-07-01\"");
        }
    }

    private void checkList(List<?> values, String id, String field) throws PolicyException {
        if (values == null) return;
        if (values.isEmpty()) throw new PolicyException(source, id, field, "is an empty list; name at least one value or leave the field out");
        if (values.contains(null)) throw new PolicyException(source, id, field, "contains null; remove it");
    }

    private List<Role> roles(List<Role> roles, String id) throws PolicyException {
        if (roles == null || roles.isEmpty()) throw new PolicyException(source, id, "mustSign", "missing; name at least one role that must sign");
        checkList(roles, id, "mustSign");
        Set<Role> seen = new HashSet<>();
        for (Role role : roles) {
            if (!seen.add(role)) throw new PolicyException(source, id, "mustSign", role.name() + " is listed twice");
        }
        return roles;
    }

    /** The rule's own lead time, or null when it gives none (an optional field: older policies read unchanged). */
    private LeadTime leadTime(LeadTimeFile lead, String id) throws PolicyException {
        if (lead == null) return null;
        if ((lead.workingDays() == null) == (lead.hours() == null)) {
            throw new PolicyException(source, id, "leadTime", "give exactly one of workingDays or hours, e.g. {\"workingDays\": 5} or {\"hours\": 48}");
        }
        String field = lead.workingDays() != null ? "leadTime.workingDays" : "leadTime.hours";
        com.fasterxml.jackson.databind.JsonNode n = lead.workingDays() != null ? lead.workingDays() : lead.hours();
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw new PolicyException(source, id, field, n + " is not a whole number");
        int whole = n.intValue();
        try {
            return lead.workingDays() != null ? LeadTime.workingDays(whole) : LeadTime.hours(whole);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(source, id, field, e.getMessage());
        }
    }

    private Severity severity(Severity severity, String id) throws PolicyException {
        if (severity == null) throw new PolicyException(source, id, "severity", "missing; write BLOCKING or ADVISORY");
        return severity;
    }

    private List<Source> citations(List<String> labels, Map<String, Source> sources, String id) throws PolicyException {
        if (labels == null || labels.isEmpty()) throw new PolicyException(source, id, "sources", "missing; cite at least one source by its label");
        List<Source> cited = new ArrayList<>();
        for (String label : labels) {
            Source s = label == null ? null : sources.get(label);
            if (s == null) {
                throw new PolicyException(source, id, "sources", "unknown source \"" + label + "\"" + known("sources", sources.keySet().stream().sorted().toList()));
            }
            cited.add(s);
        }
        return cited;
    }

    private String requireText(String value, String id, String field) throws PolicyException {
        if (value == null || value.isBlank()) throw new PolicyException(source, id, field, "missing");
        return value.strip();
    }

    private PolicyException top(String field, String problem) {
        return new PolicyException(source, null, field, problem);
    }
}
