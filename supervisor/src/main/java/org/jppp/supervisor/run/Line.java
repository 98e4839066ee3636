package org.jppp.supervisor.run;

import java.util.Optional;
import org.jppp.actors.ExitStatus;
import org.jppp.io.channel.Endpoint;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;
import org.jppp.io.tty.PtyLink;
import org.jppp.io.tty.StdioLink;
import org.jppp.io.tty.TtyLink;
import org.jppp.protocol.config.DeviceSettings;
import org.jppp.protocol.config.FlowControl;

/**
 * The byte-stream link a run speaks PPP over, chosen from the options as pppd chooses its tty
 * channel: {@code pty "CMD"} (the command on a pseudo-terminal), {@code notty} (standard input and
 * output), or a serial device with its speed.
 *
 * @param endpoint the open link
 * @param device the name pppd prints and gives scripts: the tty path, or the pty's slave
 * @param speed the line speed for scripts (0 when unknown, as for a pty)
 * @param connectDevice the device the connect and disconnect scripts run on, for a serial line
 */
record Line(Endpoint endpoint, String device, int speed, Optional<String> connectDevice) {
    /** pppd's name for standard input when it is the link ({@code notty}). */
    static final String NOTTY_DEVICE = "stdin";

    /**
     * Opens the link the options name.
     *
     * @throws LinkSetupException with pppd's wording when there is none or it cannot be opened
     */
    static Line open(EventLoop loop, DeviceSettings device) throws LinkSetupException {
        if (device.sync()) {
            throw new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR,
                    "synchronous serial mode (sync) is not supported; jppp uses async HDLC framing");
        }
        int speed = device.speed().orElse(0);
        if (device.pty().isPresent()) {
            return pty(loop, device.pty().get(), speed);
        }
        if (device.notty()) {
            return new Line(StdioLink.open(loop), NOTTY_DEVICE, speed, Optional.empty());
        }
        String path = device.device().orElseThrow(() -> new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR,
                "no device specified (give a serial device, pty \"command\" or notty)"));
        try {
            TtyLink tty = TtyLink.open(loop, path, new TtyLink.Options(speed, !device.modem(),
                    flowControl(device.flowControl()), false));
            return new Line(tty, path, speed, Optional.of(path));
        } catch (NativeException e) {
            // pppd's wording: "Failed to open /dev/ttyS9: No such file or directory".
            throw new LinkSetupException(ExitStatus.EXIT_OPEN_FAILED, "Failed to open " + path + ": "
                    + Libc.strerror(e.errno()));
        } catch (IllegalArgumentException e) {
            throw new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR, path + ": " + e.getMessage());
        }
    }

    /** A pty command that cannot be started is pppd's EXIT_PTYCMD_FAILED. */
    private static Line pty(EventLoop loop, String command, int speed) throws LinkSetupException {
        try {
            PtyLink pty = PtyLink.start(loop, command);
            return new Line(pty, pty.slavePath(), speed, Optional.empty());
        } catch (RuntimeException e) {
            throw new LinkSetupException(ExitStatus.EXIT_PTYCMD_FAILED, "Failed to run pty command: " + e.getMessage());
        }
    }

    private static TtyLink.FlowControl flowControl(FlowControl flow) {
        return switch (flow) {
            case CRTSCTS -> TtyLink.FlowControl.CRTSCTS;
            case NOCRTSCTS -> TtyLink.FlowControl.NOCRTSCTS;
            // Software flow control is done by the line discipline in pppd; raw mode leaves it off.
            case DEFAULT, XONXOFF -> TtyLink.FlowControl.UNCHANGED;
        };
    }
}
