package org.clearframe.rules;

/**
 * A policy file that cannot be used, with a message that names the file, the rule and the field, so whoever
 * edits the file can find the mistake: {@code studio.json: rule DEAGE-PERFORMER, field when.technique:
 * unknown technique "DE_AGEING" (line 14, column 22)}.
 */
public class PolicyException extends Exception {

    private final String source;
    private final String ruleId;
    private final String field;
    private final String problem;
    private final int line;
    private final int column;

    /**
     * @param ruleId the rule's id, or "#3" for the third rule when it has no usable id; null outside a rule
     * @param field  dotted path of the field within the rule (or the file when outside a rule); null if none
     * @param line   1-based line, or 0 when unknown
     */
    public PolicyException(String source, String ruleId, String field, String problem, int line, int column, Throwable cause) {
        super(compose(source, ruleId, field, problem, line, column), cause);
        this.source = source;
        this.ruleId = ruleId;
        this.field = field;
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    PolicyException(String source, String ruleId, String field, String problem) {
        this(source, ruleId, field, problem, 0, 0, null);
    }

    private static String compose(String source, String ruleId, String field, String problem, int line, int column) {
        StringBuilder b = new StringBuilder(source == null || source.isBlank() ? "policy" : source).append(": ");
        if (ruleId != null) b.append(ruleId.startsWith("#") ? "rule " + ruleId + " (no id)" : "rule " + ruleId);
        if (field != null) b.append(ruleId != null ? ", " : "").append("field ").append(field);
        if (ruleId != null || field != null) b.append(": ");
        b.append(problem);
        if (line > 0) b.append(" (line ").append(line).append(", column ").append(column).append(')');
        return b.toString();
    }

    /** The file or other source the policy was read from, as given to the parser. */
    public String source() { return source; }

    /** The rule's id ("#3" when the third rule has none); null when the problem is outside any rule. */
    public String ruleId() { return ruleId; }

    /** The field, relative to the rule ("when.technique") or to the file ("schemaVersion"); may be null. */
    public String field() { return field; }

    /** The problem alone, without file, rule and position. */
    public String problem() { return problem; }

    public int line() { return line; }

    public int column() { return column; }
}
