package org.jppp.supervisor.run;

import java.net.Inet4Address;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.UpDetails;
import org.jppp.io.systemd.SdNotify;
import org.slf4j.LoggerFactory;

/**
 * pppd's {@code up_sdnotify}: once the first network protocol of a link is up (pppd's np_up),
 * {@code READY=1} goes to systemd, so a {@code Type=notify} unit such as {@code ppp@.service}
 * counts as started only when the link is usable. With {@code persist} every new link notifies
 * again, which systemd takes as a no-op.
 */
final class SystemdReady {
    private SystemdReady() {}

    static void linkUp(String ifname, UpDetails details) {
        String status = ifname + " up" + details.local().map(l -> ": " + l.getHostAddress() + " <--> "
                + details.remote().map(Inet4Address::getHostAddress).orElse("?")).orElse("");
        try {
            if (!SdNotify.ready(status)) {
                // As sd_notify: without NOTIFY_SOCKET there is no one to tell, which is no error.
                LoggerFactory.getLogger(SystemdReady.class).debug("up_sdnotify: NOTIFY_SOCKET is not set");
            }
        } catch (RuntimeException e) {
            PppdLog.LOG.warn("up_sdnotify: cannot notify systemd: {}", e.getMessage());
        }
    }
}
