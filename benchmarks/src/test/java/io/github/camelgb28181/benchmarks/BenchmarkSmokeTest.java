package io.github.camelgb28181.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What CI runs of the benchmarks: a 500-device registration storm through the real scenario runner (platform and
 * simulator in JVMs of their own, sipp alongside when installed) and one very short JMH measurement, so that the
 * harness cannot rot between real benchmark runs.
 */
class BenchmarkSmokeTest {

    @Test
    void fiveHundredDeviceStormRegistersEveryDevice() throws Exception {
        LoadScenarios.Options d = LoadScenarios.Options.defaults("storm");
        LoadScenarios.Options o = new LoadScenarios.Options("storm", 500, 2000, "udp", 60, 0, 4, 4, 50,
                SippStorm.installed() ? 200 : 0, 500, "256m", "256m", false, Path.of("target", "bench-smoke"),
                d.simulatorSockets(), d.simulatorThreads(), 0);
        Map<String, String> r = LoadScenarios.run(o);
        assertEquals("true", r.get("passed"), r::toString);
        assertEquals("500", r.get("registered"), r::toString);
        assertEquals("0", r.get("failures"), r::toString);
        assertTrue(Double.parseDouble(r.get("regP99")) > 0, r::toString);
        assertTrue(Double.parseDouble(r.get("serverCores")) > 0, r::toString);
        if (SippStorm.installed()) {
            assertEquals("true", r.get("sippPassed"), r::toString);
        }
    }

    @Test
    void jmhRunsAParseBenchmark() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(SipCodecBenchmark.class.getName() + ".parse$")
                .param("message", "REGISTER_AUTH")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .build()).run();
        assertEquals(1, results.size());
        double opsPerSecond = results.iterator().next().getPrimaryResult().getScore();
        assertTrue(opsPerSecond > 1000, "parses per second: " + opsPerSecond);
    }
}
