package org.jppp.io.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded per-consumer queues and the aggregate demand that pauses and resumes a reader. */
class InboxTest {
    private final AtomicInteger resumed = new AtomicInteger();
    private final ReadDemand demand = new ReadDemand(resumed::incrementAndGet);

    @Test
    void fullInbox_refusesOnlyItsOwnElements_readerGoesOnWhileAnotherHasRoom() {
        Inbox<Integer> stuck = new Inbox<>("stuck", 2, demand);
        Inbox<Integer> busy = new Inbox<>("busy", 2, demand);
        assertEquals(2, demand.withRoom());
        assertTrue(stuck.offer(1));
        assertTrue(stuck.offer(2));
        assertFalse(stuck.offer(3), "full: dropped");
        assertEquals(1, demand.withRoom());
        assertTrue(demand.mayRead());
        assertTrue(busy.offer(10));
        assertEquals(10, busy.pollOrWait());
        assertEquals(0, resumed.get());
    }

    @Test
    void everyInboxFull_pausesReader_firstPollResumesItOnce() {
        Inbox<Integer> first = new Inbox<>("first", 1, demand);
        Inbox<Integer> second = new Inbox<>("second", 1, demand);
        assertTrue(first.offer(1));
        assertTrue(second.offer(2));
        assertFalse(demand.mayRead(), "nobody has room");
        assertEquals(2, second.pollOrWait());
        assertEquals(1, resumed.get());
        assertTrue(demand.mayRead());
        assertEquals(1, first.pollOrWait());
        assertEquals(1, resumed.get(), "resumed only from a pause");
    }

    @Test
    void closingTheLastInboxWithRoom_pausesReader_openingOneResumesIt() {
        Inbox<Integer> only = new Inbox<>("only", 4, demand);
        only.close();
        assertEquals(0, demand.withRoom());
        assertFalse(demand.mayRead());
        assertFalse(only.offer(1), "closed: refused");
        new Inbox<Integer>("new", 4, demand);
        assertEquals(1, resumed.get());
        assertTrue(demand.mayRead());
    }

    @Test
    void emptyInbox_consumerWaits_nextOfferWakesItOnce() {
        Inbox<Integer> inbox = new Inbox<>("session", 8, demand);
        AtomicInteger wakeUps = new AtomicInteger();
        inbox.attach(wakeUps::incrementAndGet);
        assertNull(inbox.pollOrWait());
        inbox.offer(1);
        inbox.offer(2);
        assertEquals(1, wakeUps.get(), "one wake-up for a waiting consumer, none while it is busy");
        assertEquals(1, inbox.pollOrWait());
        assertEquals(2, inbox.pollOrWait());
        inbox.close();
        assertEquals(2, wakeUps.get(), "close wakes the consumer so that it completes");
        assertTrue(inbox.isClosed());
    }

    @Test
    void close_keepsWhatWasQueuedForTheConsumer_andRefusesMore() {
        Inbox<Integer> inbox = new Inbox<>("session", 8, demand);
        inbox.attach(() -> {});
        assertTrue(inbox.offer(1));
        inbox.close();
        assertFalse(inbox.offer(2), "closed: no more offers");
        assertFalse(inbox.isEmpty());
        assertEquals(1, inbox.pollOrWait(), "what came before close is still delivered");
        assertTrue(inbox.isEmpty());
        assertNull(inbox.pollOrWait());
    }

    @Test
    void secondConsumer_isRefused_untilTheFirstDetaches() {
        Inbox<Integer> inbox = new Inbox<>("discovery", 8, demand);
        Runnable first = () -> {};
        inbox.attach(first);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> inbox.attach(() -> {}));
        assertEquals("discovery already has a consumer running", e.getMessage());
        inbox.detach(first);
        inbox.attach(() -> {});
    }
}
