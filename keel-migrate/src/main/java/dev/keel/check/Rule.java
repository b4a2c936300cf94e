package dev.keel.check;

import java.util.List;

/**
 * One safety rule: a stable kebab-case id, a severity, and the findings it raises for a statement.
 * Each rule has its page in docs/checks/&lt;id&gt;.md.
 */
public interface Rule {

    String id();

    Severity severity();

    List<Finding> check(StatementContext context);
}
