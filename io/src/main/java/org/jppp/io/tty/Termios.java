package org.jppp.io.tty;

import com.sun.jna.Memory;
import java.util.Map;
import java.util.TreeMap;
import org.jppp.io.posix.Libc;

/**
 * glibc's {@code struct termios} (60 bytes on Linux: four 32-bit flag words, {@code c_line},
 * {@code c_cc[32]}, two speeds) kept in native memory and handed to {@code tcgetattr} and
 * friends as it is; only the fields jppp changes have accessors.
 */
public final class Termios {
    static final int TCSANOW = 0;
    static final int TCSAFLUSH = 2;

    static final int ICRNL = 0x100;
    static final int IXON = 0x400;
    static final int IXANY = 0x800;
    static final int IXOFF = 0x1000;
    static final int CREAD = 0x80;
    static final int HUPCL = 0x400;
    static final int CLOCAL = 0x800;
    static final int CRTSCTS = 0x80000000;
    static final int ECHO = 0x8;

    private static final int SIZE = 60;
    private static final int IFLAG = 0;
    private static final int CFLAG = 8;
    private static final int LFLAG = 12;
    private static final int CC = 17;
    private static final int VTIME = 5;
    private static final int VMIN = 6;

    /** Baud rate to the {@code Bnnn} constant of Linux {@code <termios.h>}. */
    private static final Map<Integer, Integer> SPEEDS = new TreeMap<>(Map.ofEntries(
            Map.entry(50, 1), Map.entry(75, 2), Map.entry(110, 3), Map.entry(134, 4),
            Map.entry(150, 5), Map.entry(200, 6), Map.entry(300, 7), Map.entry(600, 8),
            Map.entry(1200, 9), Map.entry(1800, 10), Map.entry(2400, 11), Map.entry(4800, 12),
            Map.entry(9600, 13), Map.entry(19200, 14), Map.entry(38400, 15),
            Map.entry(57600, 0x1001), Map.entry(115200, 0x1002), Map.entry(230400, 0x1003),
            Map.entry(460800, 0x1004), Map.entry(500000, 0x1005), Map.entry(576000, 0x1006),
            Map.entry(921600, 0x1007), Map.entry(1000000, 0x1008), Map.entry(1152000, 0x1009),
            Map.entry(1500000, 0x100a), Map.entry(2000000, 0x100b), Map.entry(2500000, 0x100c),
            Map.entry(3000000, 0x100d), Map.entry(3500000, 0x100e), Map.entry(4000000, 0x100f)));

    final Memory memory = new Memory(SIZE);

    private Termios() {}

    /** {@code tcgetattr(fd)}; {@code what} names the device in the error. */
    public static Termios get(int fd, String what) {
        Termios termios = new Termios();
        Libc.check(Libc.tcgetattr(fd, termios.memory), "tcgetattr(" + what + ")");
        return termios;
    }

    /** {@code tcsetattr(fd, when, this)}. */
    public void apply(int fd, int when, String what) {
        Libc.check(Libc.tcsetattr(fd, when, memory), "tcsetattr(" + what + ")");
    }

    public Termios copy() {
        Termios copy = new Termios();
        copy.memory.write(0, memory.getByteArray(0, SIZE), 0, SIZE);
        return copy;
    }

    /**
     * 8-bit clean raw mode: {@code cfmakeraw} (no echo, no canonical mode, no signals, no
     * CR/NL mapping, no output processing, CS8), plus no software flow control in either
     * direction (XON/XOFF are data in PPP's async map, RFC 1662 section 7.1), the receiver on,
     * and reads returning as soon as one byte is there.
     */
    public void makeRaw() {
        Libc.cfmakeraw(memory);
        setIflag(iflag() & ~(IXON | IXOFF | IXANY));
        setCflag(cflag() | CREAD);
        memory.setByte(CC + VMIN, (byte) 1);
        memory.setByte(CC + VTIME, (byte) 0);
    }

    /**
     * Sets input and output speed from a baud number.
     *
     * @throws IllegalArgumentException for a speed Linux has no {@code Bnnn} constant for
     */
    public void setSpeed(int baud) {
        Integer code = SPEEDS.get(baud);
        if (code == null) {
            throw new IllegalArgumentException("unsupported speed " + baud + " (supported: " + SPEEDS.keySet() + ")");
        }
        Libc.check(Libc.cfsetispeed(memory, code), "cfsetispeed(" + baud + ")");
        Libc.check(Libc.cfsetospeed(memory, code), "cfsetospeed(" + baud + ")");
    }

    /** The output speed in baud, or 0 if the code is not in the table. */
    public int speed() {
        int code = Libc.cfgetospeed(memory);
        return SPEEDS.entrySet().stream().filter(e -> e.getValue() == code)
                .mapToInt(Map.Entry::getKey).findFirst().orElse(0);
    }

    public int iflag() {
        return memory.getInt(IFLAG);
    }

    public void setIflag(int flags) {
        memory.setInt(IFLAG, flags);
    }

    public int cflag() {
        return memory.getInt(CFLAG);
    }

    public void setCflag(int flags) {
        memory.setInt(CFLAG, flags);
    }

    public int lflag() {
        return memory.getInt(LFLAG);
    }

    /** Sets or clears {@code bits} in {@code c_cflag}. */
    void changeCflag(int bits, boolean on) {
        setCflag(on ? cflag() | bits : cflag() & ~bits);
    }
}
