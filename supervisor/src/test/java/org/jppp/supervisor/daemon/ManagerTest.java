package org.jppp.supervisor.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerTest {
    private final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    void shutdown() {
        kit.shutdownTestKit();
    }

    private ActorRef<Manager.Command> manager(String... boot) {
        return kit.spawn(Manager.create(new FakePeers(), new PeerDebug(), List.of(boot)));
    }

    private Manager.Reply ask(ActorRef<Manager.Command> manager,
            java.util.function.Function<ActorRef<Manager.Reply>, Manager.Command> command) {
        TestProbe<Manager.Reply> probe = kit.createTestProbe();
        manager.tell(command.apply(probe.getRef()));
        return probe.receiveMessage();
    }

    private List<PeerStatus> status(ActorRef<Manager.Command> manager) {
        return assertInstanceOf(Manager.Statuses.class, ask(manager, r -> new Manager.Status(Optional.empty(), r)))
                .peers();
    }

    private static PeerStatus named(List<PeerStatus> peers, String name) {
        return peers.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void boot_peersListedInOrder_brokenOptionsStoppedWithExit2() {
        ActorRef<Manager.Command> m = manager("a", "broken", "b");
        List<PeerStatus> peers = status(m);
        assertEquals(List.of("a", "broken", "b"), peers.stream().map(PeerStatus::name).toList());
        assertEquals("UP", peers.get(0).state());
        assertEquals(Optional.of("ppp1"), peers.get(0).ifname());
        PeerStatus broken = peers.get(1);
        assertEquals("STOPPED", broken.state());
        assertEquals(2, broken.lastExit().orElseThrow().status());
        assertTrue(broken.lastExit().get().reason().contains("peers/broken (line 3)"), broken.toString());
        assertEquals("UP", peers.get(2).state());
    }

    @Test
    void start_brokenOptions_failsWithTheFileAndLine() {
        ActorRef<Manager.Command> m = manager();
        Manager.Failed f = assertInstanceOf(Manager.Failed.class,
                ask(m, r -> new Manager.Start("broken2", List.of(), r)));
        assertEquals("broken2: In file /etc/ppp/peers/broken2 (line 3): unrecognized option 'bogus'", f.error());
    }

    @Test
    void stop_repliesOnceEnded_removesThePeer_othersStayUp() {
        ActorRef<Manager.Command> m = manager("a", "b");
        assertInstanceOf(Manager.Ok.class, ask(m, r -> new Manager.Stop(Optional.of("a"), r)));
        assertEquals(new Manager.Failed("no such peer: a"), ask(m, r -> new Manager.Status(Optional.of("a"), r)));
        List<PeerStatus> peers = status(m);
        assertEquals(1, peers.size());
        assertEquals("UP", named(peers, "b").state());
    }

    @Test
    void start_afterStop_runsAgain_andStartOfARunningPeerIsNoOp() {
        ActorRef<Manager.Command> m = manager("a");
        ask(m, r -> new Manager.Stop(Optional.of("a"), r));
        assertEquals(new Manager.Ok("started"), ask(m, r -> new Manager.Start("a", List.of(), r)));
        assertEquals(new Manager.Ok("already running"), ask(m, r -> new Manager.Start("a", List.of(), r)));
        PeerStatus a = named(status(m), "a");
        assertEquals("UP", a.state());
        // A new start gets a new index (its own PPPoE Host-Uniq).
        assertEquals(Optional.of("ppp2"), a.ifname());
    }

    @Test
    void unknownPeer_isNamedInTheError() {
        ActorRef<Manager.Command> m = manager("a");
        assertEquals(new Manager.Failed("no such peer: x"), ask(m, r -> new Manager.Redial(Optional.of("x"), r)));
        assertEquals(new Manager.Failed("no such peer: x"), ask(m, r -> new Manager.Stop(Optional.of("x"), r)));
        assertEquals(new Manager.Failed("no such peer: x"),
                ask(m, r -> new Manager.ToggleDebug(Optional.of("x"), r)));
    }

    @Test
    void redial_reachesThePeer() {
        ActorRef<Manager.Command> m = manager("a", "b");
        assertEquals(new Manager.Ok("redialling"), ask(m, r -> new Manager.Redial(Optional.of("a"), r)));
        assertEquals(2, named(status(m), "a").attempt());
        assertEquals(1, named(status(m), "b").attempt());
        // Without a name: every peer.
        ask(m, r -> new Manager.Redial(Optional.empty(), r));
        assertEquals(3, named(status(m), "a").attempt());
        assertEquals(2, named(status(m), "b").attempt());
    }

    @Test
    void crashOfOnePeer_stopsItWithExit1_othersUntouched() {
        ActorRef<Manager.Command> m = manager("crashy", "b");
        ask(m, r -> new Manager.Redial(Optional.of("crashy"), r));
        TestProbe<Manager.Reply> probe = kit.createTestProbe();
        probe.awaitAssert(Duration.ofSeconds(30), () -> {
            m.tell(new Manager.Status(Optional.empty(), probe.getRef()));
            List<PeerStatus> peers = ((Manager.Statuses) probe.receiveMessage(Duration.ofSeconds(10))).peers();
            PeerStatus crashy = named(peers, "crashy");
            assertEquals("STOPPED", crashy.state());
            assertEquals(1, crashy.lastExit().orElseThrow().status());
            assertEquals("UP", named(peers, "b").state());
            return null;
        });
    }

    @Test
    void toggleDebug_flipsAndIsShownInStatus() {
        ActorRef<Manager.Command> m = manager("a");
        assertEquals(new Manager.Debug(Map.of("a", true)), ask(m, r -> new Manager.ToggleDebug(Optional.of("a"), r)));
        assertEquals(new Manager.Debug(Map.of("a", false)),
                ask(m, r -> new Manager.ToggleDebug(Optional.of("a"), r)));
    }

    @Test
    void renegotiate_saysThereIsNoCompression() {
        ActorRef<Manager.Command> m = manager("a");
        assertEquals(new Manager.Ok("no compression negotiated"),
                ask(m, r -> new Manager.Renegotiate(Optional.of("a"), r)));
    }

    @Test
    void stopAll_endsEveryPeer_thenRefusesNewOnes() {
        ActorRef<Manager.Command> m = manager("a", "b", "broken");
        assertEquals(new Manager.Ok("all peers stopped"), ask(m, Manager.StopAll::new));
        List<PeerStatus> peers = status(m);
        assertTrue(peers.stream().allMatch(p -> p.state().equals("STOPPED")), peers.toString());
        assertEquals(5, named(peers, "a").lastExit().orElseThrow().status());
        assertEquals(new Manager.Failed("shutting down"), ask(m, r -> new Manager.Start("c", List.of(), r)));
    }
}
