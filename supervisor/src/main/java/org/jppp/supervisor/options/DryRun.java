package org.jppp.supervisor.options;

import java.util.List;
import java.util.Map;

/** pppd's print_options(): the options that were set, each with the file or "command line" it came from. */
public final class DryRun {
    private DryRun() {}

    public static String format(OptionValues values) {
        StringBuilder out = new StringBuilder("pppd options in effect:\n");
        for (Map.Entry<String, List<OptionValues.Entry>> e : values.setEntries().entrySet()) {
            for (OptionValues.Entry entry : e.getValue()) {
                out.append(entry.printed()).append("\t\t# (from ").append(entry.source()).append(")\n");
            }
        }
        return out.toString();
    }
}
