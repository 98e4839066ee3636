package org.jppp.supervisor.cli;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.jppp.supervisor.pppoe.PppoeServerRun;

/** {@code bin/pppoe-server [options]}: rp-pppoe's access concentrator on jppp's data path. */
public final class PppoeServer {
    private PppoeServer() {}

    public static void main(String[] args) {
        System.exit(PppoeServerRun.run(List.of(args), System.getenv(), ConfigFactory.load(), System.err));
    }
}
