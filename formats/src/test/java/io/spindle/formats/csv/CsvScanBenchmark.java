package io.spindle.formats.csv;

import io.spindle.formats.orc.OrcScanBenchmark;

/** CSV scan throughput on the same generated data as {@link OrcScanBenchmark} (1M rows by default). */
public final class CsvScanBenchmark {
    private CsvScanBenchmark() {}

    public static void main(String[] args) throws Exception {
        OrcScanBenchmark.run(new CsvFileFormat(CsvOptions.defaults().withHeader(true).withSchema(OrcScanBenchmark.SCHEMA)),
                "csv", args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000);
    }
}
