package org.jppp.io.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;

class NativeExceptionTest {
    @Test
    void message_namesCallErrnoAndText() {
        NativeException e = new NativeException("ioctl(TUNSETIFF, ppp0)", Errno.EBUSY);
        assertEquals("ioctl(TUNSETIFF, ppp0): EBUSY (Device or resource busy)", e.getMessage());
        assertEquals("ioctl(TUNSETIFF, ppp0)", e.call());
        assertEquals(Errno.EBUSY, e.errno());
    }

    @Test
    void message_unknownErrnoIsNumbered() {
        assertEquals("x: errno 4095 (Unknown error 4095)", new NativeException("x", 4095).getMessage());
    }

    @Test
    void directMapping_savesErrno() {
        long n = Libc.read(-1, new Memory(8), 8);
        assertEquals(-1, n);
        assertEquals(Errno.EBADF, Libc.errno());
    }

    @Test
    void varargsMapping_checkedOpenNamesPath() {
        NativeException e = assertThrows(NativeException.class,
                () -> LibcVarargs.openChecked("/nonexistent/jppp", Libc.O_RDONLY));
        assertEquals("open(/nonexistent/jppp): ENOENT (No such file or directory)", e.getMessage());
    }
}
