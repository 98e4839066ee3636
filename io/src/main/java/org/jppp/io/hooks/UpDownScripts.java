package org.jppp.io.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One up/down pair (ip-up/ip-down, ipv6-up/ipv6-down, auth-up/auth-down) sequenced as pppd's
 * {@code ipcp_script_state}/{@code ipcp_script_pid} logic does: at most one of the two runs at a
 * time; the down script runs only after the up script was started; and when a script finishes,
 * the other one is started if the protocol changed state meanwhile. So a link that drops while
 * ip-up is still running gets its ip-down right after ip-up exits, never concurrently.
 */
public final class UpDownScripts {
    private final ScriptRunner runner;
    private final Script upScript;
    private final Script downScript;
    private final ScriptEnvironment env;
    private final List<CompletableFuture<Void>> waiters = new ArrayList<>();
    private List<String> upArgs = List.of();
    private List<String> downArgs = List.of();
    private boolean protocolUp;
    private boolean scriptUp;
    private CompletableFuture<ScriptResult> current;

    public UpDownScripts(ScriptRunner runner, Script upScript, Script downScript, ScriptEnvironment env) {
        this.runner = runner;
        this.upScript = upScript;
        this.downScript = downScript;
        this.env = env;
    }

    /** The protocol came up (e.g. IPCP opened); runs the up script now or after the running one. */
    public synchronized void up(List<String> args) {
        protocolUp = true;
        upArgs = List.copyOf(args);
        if (!scriptUp && current == null) {
            start(true);
        }
    }

    /** The protocol went down; runs the down script once the up script has been started. */
    public synchronized void down(List<String> args) {
        protocolUp = false;
        downArgs = List.copyOf(args);
        if (scriptUp && current == null) {
            start(false);
        }
    }

    /** Completes when no script of this pair is running and none is pending. */
    public synchronized CompletableFuture<Void> settled() {
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        waiters.add(waiter);
        return waiter;
    }

    private void start(boolean up) {
        scriptUp = up;
        CompletableFuture<ScriptResult> run = runner.run(up ? upScript : downScript, up ? upArgs : downArgs, env);
        current = run;
        run.whenComplete((result, error) -> finished(run));
    }

    private synchronized void finished(CompletableFuture<ScriptResult> run) {
        if (current != run) {
            return;
        }
        current = null;
        if (scriptUp != protocolUp) {
            start(protocolUp);
        }
        if (current == null) {
            waiters.forEach(w -> w.complete(null));
            waiters.clear();
        }
    }
}
