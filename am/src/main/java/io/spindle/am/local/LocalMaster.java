package io.spindle.am.local;

import io.spindle.conf.ConfigException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code local}, {@code local[N]} and {@code local[*]} forms of {@code spindle.master}. */
public final class LocalMaster {
    private static final Pattern BRACKETED = Pattern.compile("local\\[(.*)]");

    private LocalMaster() {
    }

    /** Whether the value is meant for the local backend, valid or not (so errors come from here). */
    public static boolean isLocal(String master) {
        return master != null && (master.equals("local") || master.startsWith("local["));
    }

    /**
     * The number of executors: 1 for {@code local}, N for {@code local[N]}, the available
     * processors for {@code local[*]}.
     *
     * @throws ConfigException for any other form, such as {@code local[0]} or {@code local[x]}
     */
    public static int executorCount(String master) {
        if ("local".equals(master)) {
            return 1;
        }
        Matcher matcher = BRACKETED.matcher(master == null ? "" : master);
        if (matcher.matches()) {
            String count = matcher.group(1);
            if (count.equals("*")) {
                return Runtime.getRuntime().availableProcessors();
            }
            if (count.matches("[0-9]{1,9}") && Integer.parseInt(count) >= 1) {
                return Integer.parseInt(count);
            }
        }
        throw new ConfigException(ConfigException.BAD_VALUE, "Invalid value '" + master
                + "' for configuration key 'spindle.master': a local master is local, local[N] with N a "
                + "whole number of at least 1, or local[*] for one executor per available processor.");
    }
}
