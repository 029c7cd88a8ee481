package io.spindle.minicluster;

import io.spindle.jobs.cli.SpindleMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** One run of the {@code spindle} command line, in this JVM, with its output captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SpindleMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        CliRun run = new CliRun(exit, out.toString(), err.toString());
        System.out.println("spindle " + String.join(" ", args) + "\n" + run); // kept in the surefire report
        return run;
    }

    /** {@code spindle submit --master yarn} against the shared cluster, with small containers. */
    static CliRun submit(String name, List<String> extraConf, String mainClass, String appJar, String... jobArgs) {
        List<String> args = new ArrayList<>(List.of("submit", "--master", "yarn",
                "--hadoop-conf-dir", MiniClusterExtension.cluster().clientConfigDir().toString(),
                "--name", name,
                "--conf", "spindle.am.memory=256m",
                "--conf", "spindle.executor.memory=256m",
                "--conf", "spindle.executor.memoryOverhead=128m",
                "--conf", "spindle.yarn.reportInterval=100ms"));
        for (String conf : extraConf) {
            args.add("--conf");
            args.add(conf);
        }
        args.add("--class");
        args.add(mainClass);
        args.add(appJar);
        args.addAll(List.of(jobArgs));
        return of(args.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
}
