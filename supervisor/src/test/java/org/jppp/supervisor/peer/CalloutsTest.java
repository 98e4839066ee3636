package org.jppp.supervisor.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CalloutsTest {
    private enum Key { A, B, C }

    @Test
    void entriesFallDueInTimeOrder_simultaneousOnesTogether() {
        Callouts<Key> c = new Callouts<>(Key.class);
        c.in(Key.C, 100);
        c.in(Key.A, 10);
        c.in(Key.B, 100);
        assertEquals(OptionalLong.of(10), c.untilNext());
        assertEquals(List.of(Key.A), c.advance());
        assertEquals(OptionalLong.of(90), c.untilNext(), "time moved to 10");
        assertEquals(List.of(Key.B, Key.C), c.advance());
        assertEquals(OptionalLong.empty(), c.untilNext());
    }

    @Test
    void rescheduling_countsFromTheCurrentTime_andReplacesTheEarlierEntry() {
        Callouts<Key> c = new Callouts<>(Key.class);
        c.in(Key.A, 10);
        c.in(Key.B, 25);
        c.advance();
        c.in(Key.A, 7);
        assertEquals(OptionalLong.of(7), c.untilNext(), "A again at 17");
        c.in(Key.B, 3);
        assertEquals(OptionalLong.of(3), c.untilNext(), "B moved from 25 to 13");
        assertEquals(List.of(Key.B), c.advance());
        assertEquals(OptionalLong.of(4), c.untilNext());
    }

    @Test
    void clear_emptiesAndRestartsTheClock() {
        Callouts<Key> c = new Callouts<>(Key.class);
        c.in(Key.A, 10);
        c.advance();
        c.in(Key.B, 5);
        c.clear();
        assertEquals(OptionalLong.empty(), c.untilNext());
        c.in(Key.C, 5);
        assertEquals(OptionalLong.of(5), c.untilNext());
    }
}
