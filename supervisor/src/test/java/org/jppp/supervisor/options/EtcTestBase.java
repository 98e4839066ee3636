package org.jppp.supervisor.options;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh temporary config root ({@link Etc}) for each test, so no test touches /etc/ppp. */
abstract class EtcTestBase {
    @TempDir
    Path tmp;
    Etc etc;

    @BeforeEach
    void setUpEtc() {
        etc = new Etc(tmp);
    }
}
