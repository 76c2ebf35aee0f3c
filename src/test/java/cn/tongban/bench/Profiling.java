package cn.tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import one.profiler.AsyncProfiler;

/**
 * Profiles a measured phase when {@code -Dbench.profile=cpu|wall|alloc} is given: async-profiler samples every thread
 * of the platform (server, clients, JIT, GC), Java, native and kernel frames, into a collapsed-stacks file that
 * flame-graph tools read. Nothing happens without the property.
 */
public final class Profiling {

    private Profiling() {
    }

    /** Starts profiling if asked to; returns whether it did. */
    public static boolean start() throws Exception {
        String event = System.getProperty("bench.profile", "");
        if (event.isBlank()) {
            return false;
        }
        AsyncProfiler.getInstance().execute("start,event=" + event + ",interval=1ms,threads");
        return true;
    }

    public static void stop(String name) throws Exception {
        Path file = Files.createDirectories(Path.of("target", "bench")).resolve(name + ".collapsed").toAbsolutePath();
        AsyncProfiler.getInstance().execute("stop,collapsed,file=" + file);
        System.out.println("profile of " + name + ": " + file);
    }
}
