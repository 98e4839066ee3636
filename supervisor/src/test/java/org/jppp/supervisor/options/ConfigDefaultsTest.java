package org.jppp.supervisor.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pppd block of application.conf: one key per option with a default, and the settings use it. */
class ConfigDefaultsTest {
    @TempDir
    Path tmp;

    private static Object configValue(Config pppd, String key) {
        return pppd.getValue(ConfigUtil.joinPath(key)).unwrapped();
    }

    @Test
    void everyOptionWithADefaultHasItsKeyAndTheValuesAreWhatTheSettingsUse() throws OptionException {
        Config pppd = ConfigFactory.load().getConfig("pppd");
        Map<String, Object> defaults = ConfigDefaults.read(ConfigFactory.load());
        OptionValues values = new OptionValues(defaults);
        for (String key : OptionTable.keysWithDefaults()) {
            assertTrue(pppd.hasPath(ConfigUtil.joinPath(key)), "application.conf lacks pppd." + key);
            assertEquals(configValue(pppd, key), values.get(key).orElseThrow(), key);
        }
        // And the records are built from those values, not from constants of their own.
        PppdSettings s = SettingsFactory.build(values);
        assertEquals(pppd.getInt("mru"), s.lcp().mru());
        assertEquals(pppd.getInt("holdoff"), s.link().holdoff());
        assertEquals(pppd.getInt("maxfail"), s.link().maxfail());
        assertEquals(pppd.getInt("lcp-restart"), s.lcp().counters().restart());
        assertEquals(pppd.getInt("lcp-max-configure"), s.lcp().counters().maxConfigure());
        assertEquals(pppd.getInt("lcp-max-terminate"), s.lcp().counters().maxTerminate());
        assertEquals(pppd.getInt("lcp-max-failure"), s.lcp().counters().maxFailure());
        assertEquals(pppd.getInt("ipcp-restart"), s.ipcp().counters().restart());
        assertEquals(pppd.getInt("pppoe-padi-timeout"), s.pppoe().padiTimeout());
        assertEquals(pppd.getBoolean("hide-password"), s.auth().hidePassword());
    }

    @Test
    void pppdsDocumentedDefaults() throws OptionException {
        PppdSettings s = SettingsFactory.build(new OptionValues(ConfigDefaults.read(ConfigFactory.load())));
        assertEquals(1500, s.lcp().mru());
        assertEquals(0, s.lcp().echoInterval());
        assertEquals(30, s.link().holdoff());
        assertEquals(10, s.link().maxfail());
        assertEquals(3, s.lcp().counters().restart());
        assertEquals(10, s.lcp().counters().maxConfigure());
        assertEquals(2, s.lcp().counters().maxTerminate());
        assertEquals(5, s.lcp().counters().maxFailure());
        assertFalse(s.auth().auth());
        assertFalse(s.ipcp().proxyarp());
        assertTrue(s.ipcp().enabled());
        assertFalse(s.ipv6cp().enabled());
    }

    @Test
    void everyKeyInThePppdBlockIsAnOption() {
        Config pppd = ConfigFactory.load().getConfig("pppd");
        List<String> keys = OptionTable.keys();
        for (String key : pppd.root().keySet()) {
            assertTrue(keys.contains(key), "pppd." + key + " is no option");
        }
    }

    @Test
    void jpppConfInTheEtcDirOverridesDefaults() throws OptionException {
        new Etc(tmp).write("jppp.conf", "pppd { mru = 1400, persist = true }\n");
        Config c = ConfigDefaults.config(ConfigFactory.load(), tmp);
        PppdSettings s = SettingsFactory.build(new OptionValues(ConfigDefaults.read(c)));
        assertEquals(1400, s.lcp().mru());
        assertTrue(s.link().persist());
    }

    @Test
    void badDefaultsAreRefusedNamingTheKey() {
        assertEquals("configuration key pppd.mru: mru value must be between 128 and 16384",
                assertThrows(OptionException.class, () -> ConfigDefaults.read(
                        ConfigFactory.parseString("pppd.mru = 5").withFallback(ConfigFactory.load()))).getMessage());
        assertEquals("configuration key pppd.bogus is not a supported pppd option",
                assertThrows(OptionException.class, () -> ConfigDefaults.read(
                        ConfigFactory.parseString("pppd.bogus = 5").withFallback(ConfigFactory.load()))).getMessage());
        assertEquals("configuration key pppd.detach: 'sometimes' is not one of [detach, nodetach, updetach]",
                assertThrows(OptionException.class, () -> ConfigDefaults.read(ConfigFactory
                        .parseString("pppd.detach = sometimes").withFallback(ConfigFactory.load()))).getMessage());
    }

    @Test
    void etcDirComesFromTheEnvironmentFirst() {
        Config c = ConfigFactory.parseString("jppp.etc-dir = /from/config");
        assertEquals(Path.of("/from/env"), ConfigDefaults.etcDir(Map.of("JPPP_ETC_DIR", "/from/env"), c));
        assertEquals(Path.of("/from/config"), ConfigDefaults.etcDir(Map.of(), c));
    }
}
