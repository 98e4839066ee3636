package org.jppp.io.log;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * glibc's {@code openlog}/{@code syslog}/{@code closelog} (syslog(3)), bound by interface mapping
 * because {@code syslog} is variadic. Logging is not on the packet path, so the 2–3 µs per call of
 * interface mapping do not matter.
 */
interface Syslog extends Library {
    Syslog INSTANCE = Native.load(Platform.C_LIBRARY_NAME, Syslog.class);

    int LOG_PID = 0x01;
    int LOG_NDELAY = 0x08;
    int LOG_DAEMON = 3 << 3;

    int LOG_ERR = 3;
    int LOG_WARNING = 4;
    int LOG_NOTICE = 5;
    int LOG_INFO = 6;
    int LOG_DEBUG = 7;

    /** {@code ident} must stay valid until {@link #closelog}: glibc keeps the pointer, not a copy. */
    void openlog(Pointer ident, int option, int facility);

    void syslog(int priority, String format, Object... args);

    void closelog();

    /** A NUL-terminated copy of {@code text} in native memory, for {@link #openlog}. */
    static Memory nativeString(String text) {
        byte[] bytes = Native.toByteArray(text);
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        return memory;
    }
}
