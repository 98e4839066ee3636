package org.jppp.supervisor.run;

import java.time.Duration;
import org.jppp.actors.link.HdlcLink;
import org.jppp.actors.link.LowerLink;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.DeviceSettings;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.framing.Counters;
import org.jppp.protocol.framing.HdlcCounter;
import org.jppp.protocol.framing.HdlcSettings;

/**
 * A byte-stream {@link Line} after its connect script, with RFC 1662 HDLC framing on top; closing
 * it lingers, closes the line and runs the disconnect script.
 */
public final class TtyConnection implements Connection {
    /**
     * How long the line stays open after the session ended: our last packet (a Terminate-Ack, say)
     * may still sit in a pty or socket buffer, and a relay that sees the line hang up drops what it
     * has not passed on (refpeer's qemu does).
     */
    private static final Duration LINGER = Duration.ofMillis(500);

    private final Line line;
    private final DeviceSettings device;
    private final LowerLink lower;

    private TtyConnection(Line line, DeviceSettings device) {
        this.line = line;
        this.device = device;
        this.lower = new HdlcLink(new HdlcSettings(), new Counters<>(HdlcCounter.class)).over(line.endpoint().flow());
    }

    /** Opens the line and runs the connect script on it. */
    public static Connection open(EventLoop loop, PppdSettings settings) throws LinkSetupException {
        DeviceSettings device = settings.device();
        Line line = Line.open(loop, device);
        try {
            DeviceScripts.connect(device.connect(), line.connectDevice());
        } catch (LinkSetupException | RuntimeException e) {
            line.endpoint().close();
            throw e;
        }
        return new TtyConnection(line, device);
    }

    @Override
    public String device() {
        return line.device();
    }

    @Override
    public int speed() {
        return line.speed();
    }

    @Override
    public LowerLink lower() {
        return lower;
    }

    @Override
    public void close() {
        linger();
        line.endpoint().close();
        DeviceScripts.disconnect(device.disconnect(), line.connectDevice());
    }

    private static void linger() {
        try {
            Thread.sleep(LINGER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
