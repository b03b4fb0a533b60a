package org.clearframe.rules;

/**
 * When a rule applies to an AI use. The rules helper defines the real conditions; this placeholder keeps the
 * API compiling. TO BE REPLACED by the rules implementation.
 */
public record Trigger() {
}
