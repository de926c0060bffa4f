package dev.larder.engine.command.spec;

/** One line of COMMAND DOCS's history: the version and what it changed. */
public record HistoryEntry(String since, String changes) {
}
