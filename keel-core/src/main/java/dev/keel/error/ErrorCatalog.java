package dev.keel.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * What each module contributes to docs/errors.md: its area's codes. Found through {@link ServiceLoader}, so the page
 * lists exactly the codes of the modules on the class path and no module has to know another's failures.
 */
public interface ErrorCatalog {

    /** The area's name as it appears in its codes, e.g. MIGRATE. */
    String area();

    /** One line on what the area covers, the heading of its section. */
    String title();

    List<ErrorCode> codes();

    /** Every catalog on the class path, in area order. */
    static List<ErrorCatalog> all() {
        List<ErrorCatalog> catalogs = new ArrayList<>();
        ServiceLoader.load(ErrorCatalog.class).forEach(catalogs::add);
        catalogs.sort(Comparator.comparing(ErrorCatalog::area));
        return catalogs;
    }
}
