package org.jppp.tests.serial;

import java.util.Arrays;
import java.util.List;

/** Command lines built from parts. */
final class Args {
    private Args() {}

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
