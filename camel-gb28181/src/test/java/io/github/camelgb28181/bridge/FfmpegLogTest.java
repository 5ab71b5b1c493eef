package io.github.camelgb28181.bridge;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FFmpeg's messages reach the application's logging (here log4j2 behind SLF4J), not the process's stderr. */
class FfmpegLogTest {

    private static final String LOGGER = "io.github.camelgb28181.bridge.ffmpeg";
    private final List<LogEvent> captured = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender = new AbstractAppender("ffmpeg-capture", null, null, true,
            Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            captured.add(event.toImmutable());
        }
    };

    private Configuration configuration() {
        return ((LoggerContext) LogManager.getContext(false)).getConfiguration();
    }

    @AfterEach
    void detach() {
        configuration().removeLogger(LOGGER);
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
        appender.stop();
    }

    @Test
    void anFfmpegErrorIsLoggedAsWarnUnderItsOwnLogger() {
        appender.start();
        LoggerConfig config = new LoggerConfig(LOGGER, Level.INFO, false);
        config.addAppender(appender, Level.ALL, null);
        configuration().addLogger(LOGGER, config);
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();

        assertThrows(IllegalArgumentException.class, () -> TranscodeSpec.filter("nosuchfilter").checked());

        assertTrue(captured.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getMessage().getFormattedMessage().contains("nosuchfilter")), captured::toString);
    }
}
