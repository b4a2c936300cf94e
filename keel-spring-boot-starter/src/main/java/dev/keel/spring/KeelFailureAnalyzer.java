package dev.keel.spring;

import dev.keel.error.KeelException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start that failed on a Keel error the way the command line does: what happened, with the error's stable
 * code, and what to do, both from the error itself; the code's page in docs/errors.md says more.
 */
public class KeelFailureAnalyzer extends AbstractFailureAnalyzer<KeelException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeelException cause) {
        String description = "Keel: " + cause.what() + " [" + cause.code().id() + "]";
        String todo = cause.todo() == null || cause.todo().isBlank() ? "see the error's cause below" : cause.todo();
        String action =
                capitalized(todo) + ".\nThe code " + cause.code().id() + " is explained in Keel's docs/errors.md.";
        return new FailureAnalysis(description, action, cause);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
