package io.drizzlemigrator.internal.lint;

import io.drizzlemigrator.lint.LintConfig;
import java.util.ArrayList;
import java.util.List;

/** Collects the drafts of enabled rules; rules that are off are dropped here, before any message is built twice. */
final class Sink {

    private final LintConfig config;
    private final List<Draft> drafts = new ArrayList<>();

    Sink(LintConfig config) {
        this.config = config;
    }

    boolean wants(Rule rule) {
        return config.isEnabled(rule.id());
    }

    void add(Draft draft) {
        if (wants(draft.rule())) {
            drafts.add(draft);
        }
    }

    List<Draft> drafts() {
        return drafts;
    }

    LintConfig config() {
        return config;
    }
}
