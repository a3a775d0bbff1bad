package dev.consolidate.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splitter throughput on a generated pg_dump-like file (functions with dollar-quoted bodies,
 * strings, comments, COPY data, many small statements). Run by bench/splitter/run.sh.
 */
public final class SplitterBench {
    private SplitterBench() {
    }

    public static void main(String[] args) {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String text = generate(megabytes * 1024 * 1024);
        SqlSplitter splitter = new SqlSplitter();
        SourceText source = SourceText.of("bench.sql", text);
        long[] nanos = new long[runs];
        int statements = 0;
        long copyChars = 0;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long heapPeak = heapBefore;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            List<Statement> out = splitter.split(source);
            nanos[i] = System.nanoTime() - t0;
            statements = out.size();
            copyChars = out.stream().filter(Statement::hasCopyData).mapToLong(s -> s.copyData().length()).sum();
            heapPeak = Math.max(heapPeak, rt.totalMemory() - rt.freeMemory());
        }
        long[] streamed = new long[runs];
        long streamPeak = 0;
        for (int i = 0; i < runs; i++) {
            System.gc();
            long base = rt.totalMemory() - rt.freeMemory();
            long t0 = System.nanoTime();
            long[] peak = {0};
            int[] n = {0};
            splitter.forEach(source, st -> {
                if ((++n[0] & 0x3fff) == 0) {
                    peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory() - base);
                }
            });
            streamed[i] = System.nanoTime() - t0;
            streamPeak = Math.max(streamPeak, peak[0]);
        }
        Arrays.sort(streamed);
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double medianMs = sorted[runs / 2] / 1e6;
        System.out.printf("input %d MB (%d chars), %d statements, %d chars of COPY data%n", megabytes, text.length(), statements, copyChars);
        System.out.printf("median %.0f ms over %d runs (min %.0f, max %.0f): %.1f MB/s, %.0f statements/s%n", medianMs, runs,
                sorted[0] / 1e6, sorted[runs - 1] / 1e6, megabytes / (medianMs / 1000), statements / (medianMs / 1000));
        System.out.printf("heap in use after reading the input %d MB, highest seen while splitting into a list %d MB%n",
                heapBefore >> 20, heapPeak >> 20);
        System.out.printf("forEach (nothing kept): median %.0f ms, heap above the input at most %d MB (garbage not yet collected included)%n",
                streamed[runs / 2] / 1e6, streamPeak >> 20);
    }

    static String generate(int chars) {
        StringBuilder sb = new StringBuilder(chars + 4096);
        List<String> blocks = new ArrayList<>();
        blocks.add("-- Name: f; Type: FUNCTION\nCREATE FUNCTION public.f_%d(x integer) RETURNS integer\n    LANGUAGE plpgsql\n"
                + "    AS $fn$\nBEGIN\n  -- a comment; with a semicolon\n  RETURN x + %d; -- done\nEND;\n$fn$;\n\n");
        blocks.add("INSERT INTO public.t (id, note) VALUES (%d, 'it''s; a string with $$ and -- not a comment');\n");
        blocks.add("/* block /* nested */ comment %d */\nALTER TABLE ONLY public.t ADD CONSTRAINT t_%d_check CHECK (id > 0);\n");
        blocks.add("COPY public.t (id, note) FROM stdin;\n%d\trow one; with \\N\n%d\trow two\n\\.\n\n");
        blocks.add("CREATE INDEX t_idx_%d ON public.t USING btree (id, note) WHERE (note <> E'\\'%d');\n");
        int i = 0;
        while (sb.length() < chars) {
            String b = blocks.get(i % blocks.size());
            sb.append(b.replace("%d", Integer.toString(i)));
            i++;
        }
        return sb.toString();
    }
}
