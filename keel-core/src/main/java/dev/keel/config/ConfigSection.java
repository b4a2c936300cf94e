package dev.keel.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A part of keel.yaml that one module owns: its keys with their types, defaults and rules. Found through
 * {@link ServiceLoader}, so keel-core reads the file and checks every key without knowing any module's settings,
 * and docs/configuration.md is generated from the same declarations.
 */
public interface ConfigSection {

    /** The heading in docs/configuration.md, e.g. "Backups". */
    String title();

    /** The keys, in documentation order. */
    List<ConfigKey<?>> keys();

    /** Where the section comes in docs/configuration.md: lower first. */
    default int order() {
        return 100;
    }

    /** Every section on the class path, in order. */
    static List<ConfigSection> all() {
        List<ConfigSection> sections = new ArrayList<>();
        ServiceLoader.load(ConfigSection.class).forEach(sections::add);
        sections.sort(Comparator.comparingInt(ConfigSection::order).thenComparing(ConfigSection::title));
        return sections;
    }
}
