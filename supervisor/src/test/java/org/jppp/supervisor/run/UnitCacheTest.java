package org.jppp.supervisor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cache's bookkeeping, with fake units that only record their deletion. */
class UnitCacheTest {
    private final List<String> deleted = Collections.synchronizedList(new ArrayList<>());

    private final class FakeUnit implements UnitCache.Pooled {
        private final String name;

        FakeUnit(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void delete() {
            deleted.add(name);
        }
    }

    @Test
    void offer_beyondCapacity_isRefused() {
        UnitCache<FakeUnit> cache = new UnitCache<>(2);
        assertTrue(cache.offer(new FakeUnit("ppp0")));
        assertTrue(cache.offer(new FakeUnit("ppp1")));
        assertFalse(cache.offer(new FakeUnit("ppp2")), "full: the owner deletes it");
        assertEquals(2, cache.size());
        assertEquals(List.of(), deleted, "the cache deletes nothing it refused");
    }

    @Test
    void capacityZero_keepsNothing() {
        UnitCache<FakeUnit> cache = UnitCache.none();
        assertFalse(cache.offer(new FakeUnit("ppp0")));
        assertEquals(Optional.empty(), cache.takeAny());
    }

    @Test
    void negativeCapacity_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new UnitCache<FakeUnit>(-1));
    }

    @Test
    void takeAny_givesTheLowestUnitOnce() {
        UnitCache<FakeUnit> cache = new UnitCache<>(8);
        FakeUnit ppp2 = new FakeUnit("ppp2");
        cache.offer(new FakeUnit("ppp10"));
        cache.offer(ppp2);
        cache.offer(new FakeUnit("ppp3"));
        assertSame(ppp2, cache.takeAny().orElseThrow(), "ppp2 before ppp3 and ppp10, as pppd's lowest free unit");
        assertEquals("ppp3", cache.takeAny().orElseThrow().name());
        assertEquals("ppp10", cache.takeAny().orElseThrow().name());
        assertEquals(Optional.empty(), cache.takeAny());
        assertEquals(3, cache.reused());
    }

    @Test
    void take_byName_onlyThatUnit() {
        UnitCache<FakeUnit> cache = new UnitCache<>(8);
        cache.offer(new FakeUnit("ppp0"));
        cache.offer(new FakeUnit("ppp5"));
        assertEquals(Optional.empty(), cache.take("ppp4"), "unit 4 is not kept: the caller creates ppp4");
        assertEquals("ppp5", cache.take("ppp5").orElseThrow().name());
        assertEquals(Optional.empty(), cache.take("ppp5"));
        assertEquals(1, cache.size());
    }

    @Test
    void takeAny_leavesNamedInterfacesToWhoeverAsksForThem() {
        UnitCache<FakeUnit> cache = new UnitCache<>(8);
        cache.offer(new FakeUnit("wan0"));
        assertEquals(Optional.empty(), cache.takeAny(), "a session without ifname gets a pppN, not wan0");
        assertEquals("wan0", cache.take("wan0").orElseThrow().name());
    }

    @Test
    void offer_ofANameKeptAlready_isRefused() {
        UnitCache<FakeUnit> cache = new UnitCache<>(8);
        assertTrue(cache.offer(new FakeUnit("ppp0")));
        assertFalse(cache.offer(new FakeUnit("ppp0")));
        assertEquals(1, cache.size());
    }

    @Test
    void close_deletesEveryKeptUnit_andLaterOffersAreRefused() {
        UnitCache<FakeUnit> cache = new UnitCache<>(64);
        for (int i = 0; i < 40; i++) {
            cache.offer(new FakeUnit("ppp" + i));
        }
        FakeUnit taken = cache.take("ppp7").orElseThrow();
        cache.close();
        assertEquals(39, deleted.size());
        assertFalse(deleted.contains("ppp7"), "a unit in use is its owner's to close");
        assertEquals(0, cache.size());
        assertFalse(cache.offer(taken), "after close the owner deletes its unit itself");
        assertEquals(Optional.empty(), cache.takeAny());
    }

    @Test
    void close_goesOnWhenADeletionFails() {
        UnitCache<UnitCache.Pooled> cache = new UnitCache<>(4);
        cache.offer(new UnitCache.Pooled() {
            @Override
            public String name() {
                return "ppp0";
            }

            @Override
            public void delete() {
                throw new IllegalStateException("gone");
            }
        });
        cache.offer(new FakeUnit("ppp1"));
        cache.close();
        assertEquals(List.of("ppp1"), deleted);
    }
}
